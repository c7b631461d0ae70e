# Mwangaza Solar (Eldoret, Kenya): e016-e030, p02, p05. Kenyan English, formal voice, no exclamations.
BRAND = "brand-mwangaza.yml"
DOMAIN = "mwangazasolar.co.ke"

FAITH = ("Faith Chebet", "faith.chebet@mwangazasolar.co.ke")
KIPCHUMBA = ("Kipchumba Rotich", "k.rotich@mwangazasolar.co.ke")
WANJIRU = ("Wanjiru Kamau", "accounts@mwangazasolar.co.ke")
BRIAN = ("Brian Otieno", "service@mwangazasolar.co.ke")

FOOTER = """DISCLAIMER: This email and any attachments are intended only for the addressee and may be
confidential. If you have received it in error, kindly delete it and inform the sender.
Mwangaza Solar Ltd, Uganda Road, P.O. Box 4412-30100, Eldoret, Kenya."""

SIG_FAITH = """Faith Chebet
Customer Care, Mwangaza Solar
+254 53 555 0190"""
SIG_BRIAN = """Brian Otieno
Service Coordinator, Mwangaza Solar
+254 53 555 0195"""
SIG_KIP = """Kipchumba Rotich
Installations Manager, Mwangaza Solar
+254 53 555 0193"""
SIG_WANJIRU = """Wanjiru Kamau
Accounts, Mwangaza Solar
+254 53 555 0191"""

ITEMS = [
dict(id="e016", frm=FAITH, to=("Samuel Kiprono", "skiprono@yahoo.com"), subject="Re: Solar heater not working",
     date="Mon, 05 Jun 2028 09:20:00 +0300", reply_domain="yahoo.com", wrap=True, dash=True,
     new="""Dear Mr Kiprono,

Thank you for your email, and I am sorry that your family has had cold showers for most of the past week. That is not what you bought a JuaTank for.

From your description, the tank itself is working. Over the last ten days Eldoret has had heavy cloud almost every afternoon, and on days like that a 200-litre tank cannot heat fully from the sun alone. Your JuaTank has an electric backup element for this purpose. When we installed it in March, we agreed with you to leave the backup switch off to keep your electricity bill down.

Please switch the backup on at the isolator marked "JuaTank backup" next to your distribution board. The timer is already set to heat the water between 4 a.m. and 6 a.m., so you should have hot water by tomorrow morning.

To be sure nothing else is wrong, our technician Collins Kiprop will visit on Thursday, 8 June at 10 a.m. to check the panel angle, the valves and the element. The visit is covered by your SolarCare Plan, so there is no charge.

Yours sincerely,""",
     sig=SIG_FAITH, footer=FOOTER,
     quote="""On Sun, 4 Jun 2028 at 19:02, Samuel Kiprono <skiprono@yahoo.com> wrote:
> Mwangaza, the solar heater you sold me is not working. For one week now
> the water is cold every morning. I paid KSh 168,000 for this thing. Come
> and check it."""),

dict(id="e017", frm=KIPCHUMBA, to=("Peter Wafula", "bursar@stbrigidsgirls.sc.ke"),
     subject="RE: Leaking solar heater - Form One dormitory", date="Wed, 07 Jun 2028 16:40:00 +0300",
     reply_domain="stbrigidsgirls.sc.ke", kind="alt",
     new="""Dear Mr Wafula,

Thank you for your email regarding the JuaTank at the Form One dormitory.

We were delighted to learn that the school's own plumber has relocated the tank and its pipework without contacting us. The photographs you sent show that the cold-water inlet was reconnected without the pressure-reducing valve we fitted, and that is the cause of the leak at the relief valve.

Since the system was altered by a third party, the warranty on the plumbing no longer applies, and there is nothing further we can do under the SolarCare Plan.

Our technician will try to come by and assess the cost of restoring the original connection. In the meantime, please keep the isolation valve on the cold-water inlet closed to stop the leak.

Yours faithfully,""",
     sig=SIG_KIP, footer=FOOTER,
     quote="""-----Original Message-----
From: Peter Wafula <bursar@stbrigidsgirls.sc.ke>
Sent: Wednesday, June 7, 2028 8:15 AM
To: info@mwangazasolar.co.ke
Subject: Leaking solar heater - Form One dormitory

Dear Sir,
The solar heater at our Form One dormitory is leaking heavily from the top valve. Our
plumber moved it last month to make room for the new water tank. Photos attached. Kindly
send someone urgently as the girls have no hot water.

P. Wafula
Bursar, St. Brigid's Girls' Secondary School, Kitale""",
     spans=[("sarcasm", "We were delighted to learn that the school's own plumber has relocated the tank and its pipework without contacting us."),
            ("defensive", "there is nothing further we can do under the SolarCare Plan"),
            ("commitment", "Our technician will try to come by and assess the cost of restoring the original connection.")]),

dict(id="e018", frm=FAITH, to=("Dr Mercy Achieng", "afyabora.kapsabet@gmail.com"),
     subject="Site Survey confirmed - Wednesday 14 June", date="Mon, 12 Jun 2028 10:05:00 +0300",
     cte="7bit", charset="us-ascii",
     new="""Dear Dr Achieng,

Thank you for requesting a Site Survey for the clinic. I am writing to confirm the appointment.

Date: Wednesday, 14 June 2028
Time: 9:30 a.m. to about 11:30 a.m.
Surveyor: Kipchumba Rotich, Installations Manager
Address: Afya Bora Medical Clinic, Kapsabet-Nandi Hills Road

Kipchumba will inspect the roof and measure the shading at different times of day. He will also look at your last six KPLC bills to size a system for the vaccine fridge, the lights and the water heater. The survey is free, and it places you under no obligation.

Please have the six KPLC bills ready, and arrange for someone to show him the meter and the distribution board.

I will email you a written quotation by Monday, 19 June. It will show the full price, including mounting, cabling, EPRA-compliant labelling and two years of the SolarCare Plan.

Yours sincerely,""",
     sig=SIG_FAITH),

dict(id="e019", frm=BRIAN, to=("Ruth Jepkosgei", "ruthjep@gmail.com"), subject="Re: System beeping at night",
     date="Tue, 13 Jun 2028 14:20:00 +0300", reply_domain="mail.gmail.com", wrap=True,
     new="""Dear Mrs Jepkosgei,

Thank you for your message and the video of the inverter screen.

The beeping is the low-battery alarm. The inverter switches off to protect the battery when the charge falls below 20 percent, which usually happens when a heavy appliance is left running at night. In your video the load shows 1,100 watts at 9 p.m., which suggests the electric kettle or the iron was on.

Honestly, it is very simple: the kit is for lights, phones, the television and the fridge only.

Our fundi should hopefully be able to pass by before the end of the month to check the battery health. In the meantime, please use the kettle and the iron on the mains supply only.

Regards,""",
     sig=SIG_BRIAN, footer=FOOTER,
     quote="""On Mon, 12 Jun 2028 at 21:47, Ruth Jepkosgei <ruthjep@gmail.com> wrote:
> Good evening. The solar system you installed keeps beeping at night and
> then everything goes off. Even the lights. I am sending a video. What is
> wrong with it? It is only three months old.""",
     spans=[("defensive", "Honestly, it is very simple"),
            ("brand", "fundi"),
            ("commitment", "Our fundi should hopefully be able to pass by before the end of the month to check the battery health.")]),

dict(id="e020", frm=KIPCHUMBA, to=("Joseph Kiptoo", "jkiptoo@kiptoofarm.co.ke"),
     subject="RE: JuaTank on the kitchen roof", date="Thu, 15 Jun 2028 11:00:00 +0300",
     reply_domain="kiptoofarm.co.ke", kind="alt",
     new="""Dear Mr Kiptoo,

Thank you for your patience while I reviewed the photographs from Tuesday's survey, and for letting our team into the roof space.

I am sorry to say that we cannot mount the 300-litre JuaTank on the kitchen roof as it stands. When full, the tank and its stand weigh about 380 kilograms. Two of the timber trusses under that section have termite damage, and they would not carry that load safely. I know this is not the answer you were hoping for.

There are two ways forward:

1. A steel ground stand beside the kitchen wall, 2.4 metres high, with the panel on top. This adds KSh 24,500 to your quotation, and the installation date stays as planned.
2. Replacing the two damaged trusses first, by a carpenter of your choice. We would then install on the roof as originally quoted.

Please let me know by Tuesday, 20 June which option you prefer, and I will send the revised quotation the same day.

Yours sincerely,""",
     sig=SIG_KIP, footer=FOOTER,
     quote="""-----Original Message-----
From: Joseph Kiptoo <jkiptoo@kiptoofarm.co.ke>
Sent: Wednesday, June 14, 2028 7:52 PM
To: Kipchumba Rotich <k.rotich@mwangazasolar.co.ke>
Subject: JuaTank on the kitchen roof

Kipchumba, your surveyor said there may be a problem with the roof. I want the tank on the
roof like my neighbour's. Please just go ahead, I will take responsibility.

Joseph Kiptoo"""),

dict(id="e021", frm=FAITH, to=("Grace Cheruiyot", "gcheruiyot@gmail.com"),
     subject="Your annual SolarCare Plan service - Friday 23 June", date="Mon, 19 Jun 2028 08:45:00 +0300",
     cte="8bit",
     new="""Dear Mrs Cheruiyot,

Your JuaTank is due for its annual service under the SolarCare Plan, and I have booked it for Friday, 23 June 2028 between 2 p.m. and 4 p.m. Our technician, Daniel Kibet, will carry it out.

He will flush the tank, check the anode rod and the relief valve, clean the collector glass and test the backup element. The service takes about ninety minutes, and the water will be off for most of that time.

The service is already paid for under your plan. If the anode rod needs replacing, Daniel will show you the old one and tell you the price. He will fit a new one only if you agree.

If the time does not suit you, please reply to this email or call 0712 555 184 by Wednesday, 21 June, and I will offer you another slot.

Yours sincerely,""",
     dash=True, sig=SIG_FAITH, footer=FOOTER),

dict(id="e022", frm=BRIAN, to=("Kiprotich Langat", "klangat.mb@gmail.com"), subject="Re: System off AGAIN",
     date="Mon, 26 Jun 2028 09:10:00 +0300", reply_domain="mail.gmail.com", wrap=True, crlf=True,
     new="""Dear Mr Langat,

I have looked at the readings from your Mwangaza Home kit for the last two weeks. The system is charging normally on sunny days. On rainy days the panels produce less, and the battery runs down earlier in the evening. This is expected for a kit of this size.

You always contact us when it rains, and each time our technician has found nothing wrong with the equipment.

Of course, we could send a technician out to Moi's Bridge on a Sunday night to watch it rain with you. It would not change what the panels can produce.

A larger battery would give you about four more hours each evening. The price for the upgrade is KSh 38,000, installed.

Regards,""",
     sig=SIG_BRIAN, footer=FOOTER,
     quote="""On Sun, 25 Jun 2028 at 18:03, Kiprotich Langat <klangat.mb@gmail.com> wrote:
> Again the system has gone off. I want your technician here TODAY, even
> if it is Sunday. This is the third time.""",
     missing=True,
     spans=[("defensive", "You always contact us when it rains"),
            ("sarcasm", "Of course, we could send a technician out to Moi's Bridge on a Sunday night to watch it rain with you.")]),

dict(id="e023", frm=WANJIRU, to=("Daniel Ruto", "rutoguesthouse.iten@gmail.com"),
     subject="Final invoice and installation certificate - JuaTank 300 x 2", date="Wed, 28 Jun 2028 15:30:00 +0300",
     kind="mixed-plain", cte="base64", attach=("Mwangaza-invoice-MS-2028-0641.pdf", "application/pdf"),
     new="""Dear Mr Ruto,

Thank you for choosing Mwangaza Solar for the guest house. The two JuaTank 300 units were commissioned on Monday, and I have attached your final invoice and the installation certificate.

The invoice total is KSh 412,000, of which you have paid KSh 250,000. The balance of KSh 162,000 is payable through Mwangaza Flexi-Pay in six monthly instalments of KSh 27,000, starting on 31 July 2028. The M-Pesa Paybill number is 555 410, and the account number is your invoice number, MS-2028-0641.

Please keep the installation certificate with your building documents. The county may send an inspector to check solar water heating installations in Iten later this year, and the certificate is what they will ask to see.

There is nothing else you need to do this month. I will send your first instalment reminder by SMS on 28 July.

Yours sincerely,""",
     sig=SIG_WANJIRU, dash=True, footer=FOOTER),

dict(id="e024", frm=WANJIRU, to=("Isaac Mutai", "isaacmutai@gmail.com"), subject="Re: Extra charge on my invoice",
     date="Thu, 29 Jun 2028 10:50:00 +0300", reply_domain="mail.gmail.com", kind="mixed-alt",
     attach=("Quotation-MS-Q-2028-0577-page2.pdf", "application/pdf"),
     new="""Dear Mr Mutai,

Thank you for your careful reading of our quotation.

The extra KSh 6,400 on your invoice is for 8 metres of insulated pipe beyond the 5 metres included in the standard price. The bathroom is at the far end of the house from the roof position we agreed, so the run was 13 metres in total. This was clearly indicated on page 2 of the quotation, which every client signs before installation.

I have attached a copy of page 2 for your reference. If you would like to pay the balance through Mwangaza Flexi-Pay, please reply with your M-Pesa number. I will then set up two monthly instalments of KSh 3,200, starting on 31 July.

Yours sincerely,""",
     sig=SIG_WANJIRU, footer=FOOTER,
     quote="""On Wed, 28 Jun 2028 at 21:30, Isaac Mutai <isaacmutai@gmail.com> wrote:
> Why is there an extra 6,400 on my invoice for pipes? I never read all
> those pages of the quotation, who does? Nobody told me about extra pipe
> charges.""",
     spans=[("sarcasm", "Thank you for your careful reading of our quotation."),
            ("defensive", "This was clearly indicated on page 2 of the quotation"),
            ("brand", "client")]),

dict(id="e025", frm=FAITH, to=("Esther Wambui", "esther.wambui@gmail.com"), subject="Re: Thank you Mwangaza",
     date="Fri, 30 Jun 2028 12:15:00 +0300", reply_domain="mail.gmail.com", cte="8bit", crlf=True,
     new="""Dear Mrs Wambui,

Thank you so much for recommending us to your sister in Kitale, and for your kind words about Daniel and Collins. I have passed your message on to them, and they were very pleased to hear that the shower is hot by seven in the morning even in this weather.

As a thank-you for the referral, I have added KSh 3,000 of credit to your SolarCare Plan account. It appears on your account now and covers part of your next annual service.

There is nothing you need to do to claim it, and your account is up to date.

Yours sincerely,""",
     sig=SIG_FAITH, dash=True, footer=FOOTER,
     quote="""On Thu, 29 Jun 2028 at 20:11, Esther Wambui <esther.wambui@gmail.com> wrote:
> Hello Faith!!! Just to say my sister Nancy in Kitale will call you for a
> JuaTank. I told her Mwangaza is the best 🙂 Daniel and Collins did a
> very clean job, the shower is hot by 7am even with this rain!!"""),

dict(id="e026", frm=WANJIRU, to=("Evans Kosgei", "procurement@kaptagatboys.sc.ke"),
     subject="RE: Tender documents - dining hall solar water heating", date="Mon, 03 Jul 2028 11:30:00 +0300",
     reply_domain="kaptagatboys.sc.ke", kind="alt",
     new="""Dear Mr Kosgei,

Thank you for your email and for the school's interest in our quotation for the dining hall kitchen.

I can confirm that we hold all the documents your tender committee has asked for:

- KRA PIN certificate and a current tax compliance certificate
- NCA registration for electrical and mechanical works
- EPRA solar water heating installer licence, class T2
- KEBS certificates for the JuaTank 500

I will email all four to you as a single PDF by 3 p.m. tomorrow, Tuesday 4 July.

On the three-year payment plan, the school can simply choose Mwangaza Flexi-Pay on the tender form, and the schedule then forms part of the contract. There is no interest on plans for schools.

Please send me the date of the committee's meeting, so that our documents arrive in good time.

Yours sincerely,""",
     sig=SIG_WANJIRU, footer=FOOTER,
     quote="""-----Original Message-----
From: Evans Kosgei <procurement@kaptagatboys.sc.ke>
Sent: Friday, June 30, 2028 4:05 PM
To: accounts@mwangazasolar.co.ke
Subject: Tender documents - dining hall solar water heating

Dear Madam,
Further to your quotation, the tender committee requires copies of KRA PIN, tax
compliance, NCA and EPRA certificates and KEBS certification for the equipment. Please
also advise on the payment plan mentioned.

E. Kosgei
Procurement Officer, Kaptagat Boys High School"""),

dict(id="e027", frm=FAITH, to=("Hillary Kirui", "hkirui.shop@gmail.com"), subject="Re: Nobody came",
     date="Tue, 04 Jul 2028 09:05:00 +0300", reply_domain="mail.gmail.com", kind="html",
     new="""Dear Mr Kirui,

I am very sorry. Our technician was booked to service your JuaTank yesterday between 10 a.m. and noon, and nobody came or called. You took a morning off from the shop to wait for us, and we wasted it.

I have looked into what happened. Our van broke down near Turbo at 9 a.m., and the technician called the office, but I did not pass the message on to you. That was my mistake.

Daniel Kibet will come to your home on Thursday, 6 July at 8 a.m., before your shop opens. If that time does not suit you, please call me directly on 0712 555 184 and I will arrange whatever time works for you. I have also removed the service fee for this year, so there is nothing to pay for Thursday's visit.

Yours sincerely,""",
     sig=SIG_FAITH, dash=True, footer=FOOTER,
     quote="""On Mon, 3 Jul 2028 at 15:48, Hillary Kirui <hkirui.shop@gmail.com> wrote:
> I waited the WHOLE MORNING for your technician. Nobody came, nobody
> called. Is this how you treat customers??"""),

dict(id="e028", frm=BRIAN, to=("Francis Too", "francis.too@toodairy.co.ke"), subject="RE: Low solar output",
     date="Fri, 07 Jul 2028 16:10:00 +0300", reply_domain="toodairy.co.ke", wrap=True,
     new="""Dear Mr Too,

We have reviewed the monitoring data and the photographs our technician took on Wednesday.

The "faulty" panels are producing 31 percent less than in January because they are covered in dust and bird droppings. The gum trees on the western boundary also shade the two end rows after 3 p.m. The panels themselves test within their specification.

The cleaning schedule in your handover pack was not followed, and the trees were planted after our installation, so the drop in output is not due to our equipment.

We shall look into arranging a cleaning visit in due course.

Regards,""",
     sig=SIG_BRIAN, footer=FOOTER,
     quote="""-----Original Message-----
From: Francis Too <francis.too@toodairy.co.ke>
Sent: Monday, July 3, 2028 10:20 AM
To: service@mwangazasolar.co.ke
Subject: Low solar output

Our solar output has dropped a lot since April. I think the panels you supplied are
faulty and should be replaced under warranty. Kindly advise.

F. Too
Too Dairy Farm, Moiben""",
     missing=True,
     spans=[("sarcasm", 'The "faulty" panels'),
            ("defensive", "The cleaning schedule in your handover pack was not followed"),
            ("defensive", "the drop in output is not due to our equipment"),
            ("commitment", "We shall look into arranging a cleaning visit in due course.")]),

dict(id="e029", frm=WANJIRU, to=("Lilian Chepkoech", "lilian.chepkoech@gmail.com"),
     subject="Re: Cancelling my order", date="Mon, 10 Jul 2028 14:00:00 +0300", reply_domain="mail.gmail.com",
     kind="alt",
     new="""Dear Ms Chepkoech,

Thank you for letting us know, and I am sorry to hear about the change in your plans. Of course we understand.

We refund deposits within 14 days, and yours was quicker: I sent the KSh 20,000 back to your M-Pesa number ending 318 this morning, with the reference MS-REF-2207. Please check that it has arrived, and reply to this email if you cannot see it by tomorrow evening.

You also asked whether we could keep the quoted price for next year. I am afraid I cannot promise that, because the price of panels and batteries changes every quarter. What I can do is hold the current price until 30 September 2028. If you decide to go ahead by then, the original quotation stands, and the Site Survey we did in June remains valid.

We wish you and your family well with the move to Nakuru.

Yours sincerely,""",
     sig=SIG_WANJIRU, footer=FOOTER,
     quote="""On Sun, 9 Jul 2028 at 17:40, Lilian Chepkoech <lilian.chepkoech@gmail.com> wrote:
> Good afternoon. Unfortunately we are relocating to Nakuru for my husband's
> job, so we will not go ahead with the solar kit for now. Can I get my
> deposit of 20,000 back? And can you keep the same price for next year in
> case we build there?"""),

dict(id="e030", frm=KIPCHUMBA, to=("Pastor Nelson Barasa", "fgc.kimumu@gmail.com"),
     subject="RE: Church solar installation - delay", date="Wed, 12 Jul 2028 17:25:00 +0300",
     reply_domain="mail.gmail.com", wrap=True,
     new="""Dear Pastor Barasa,

Kindly refer to my email of 5th July, where I already explained the reason for the delay.

Due to unforeseen circumstances, the inverter for your system was held at the port in Mombasa for a second inspection. The supplier has now told us it has been released and is on a truck to Eldoret.

We will install the system as soon as the inverter arrives at our store.

In the meantime, the panels and the mounting rails are already fixed on the church roof, and they are safe to leave as they are. Please do not connect anything to the cables at the roof edge.

Regards,""",
     sig=SIG_KIP, footer=FOOTER,
     quote="""-----Original Message-----
From: Pastor Nelson Barasa <fgc.kimumu@gmail.com>
Sent: Wednesday, July 12, 2028 8:30 AM
To: Kipchumba Rotich <k.rotich@mwangazasolar.co.ke>
Subject: Church solar installation - delay

Brother Kipchumba, the panels have been on our roof for two weeks and nothing is working.
The congregation keeps asking me. When will you finish?

Pastor N. Barasa
Full Gospel Church, Kimumu""",
     spans=[("defensive", "Kindly refer to my email of 5th July, where I already explained the reason for the delay."),
            ("brand", "Due to unforeseen circumstances"),
            ("commitment", "We will install the system as soon as the inverter arrives at our store.")]),
]

ITEMS += [
dict(id="p02", ext="md", page="""
---
title: JuaTank solar water heaters
slug: juatank
layout: product
description: JuaTank solar water heaters for homes, schools and guest houses in the North Rift.
hero_image: /img/juatank-roof.jpg
---

# JuaTank solar water heaters

Hot water from the sun, installed by certified technicians from our Eldoret office. Every JuaTank comes with a free Site Survey, a written quotation and the first year of the SolarCare Plan.

![A JuaTank 200 on a house roof in Eldoret](/img/juatank-200.jpg)

## Sizes and prices

| Model | Suits | Price, installed |
|---|---|---|
| JuaTank 150 | 2 to 3 people | KSh 128,000 |
| JuaTank 200 | 4 to 5 people | KSh 158,000 |
| JuaTank 300 | 6 to 8 people or a small guest house | KSh 206,000 |

Prices include the panel, tank, stand, up to 5 metres of insulated pipe and the electric backup element.

## Why customers choose it

- Stainless steel inner tank and a glass-lined collector.
- A Jua Tank system is zero maintenance once it is on the roof.
- An electric backup element for cloudy weeks in the long rains.

## Paying over time

Spread the cost over up to twelve months with Mwangaza Flexi-Pay, paid by M-Pesa.

[Book a free Site Survey](/site-survey)
""", spans=[("brand", "Jua Tank"), ("brand", "zero maintenance")]),

dict(id="p05", ext="html", page="""
<!DOCTYPE html>
<html lang="en-KE">
<head>
<meta charset="utf-8">
<title>SolarCare Plan | Mwangaza Solar</title>
<style>
  body { font-family: Georgia, serif; margin: 0 auto; max-width: 760px; }
  .price { font-weight: bold; }
  ul.check li { list-style: square; }
</style>
<script src="/js/analytics.js" defer></script>
</head>
<body>
<header>
  <nav>
    <a href="/">Home</a> |
    <a href="/juatank">JuaTank</a> |
    <a href="/home-kits">Mwangaza Home kits</a> |
    <a href="/solarcare">SolarCare Plan</a> |
    <a href="/contact">Contact us</a>
  </nav>
</header>
<main>
<h1>The SolarCare Plan</h1>
<p>A solar system works best when it is looked after. The SolarCare Plan is our annual service for JuaTank water heaters and Mwangaza Home kits installed by us.</p>
<img src="/img/technician-service.jpg" alt="A Mwangaza technician checking the relief valve on a JuaTank">
<h2>What the plan covers</h2>
<ul class="check">
  <li>One full service visit a year, booked at a time that suits you</li>
  <li>Flushing the tank and checking the anode rod and relief valve</li>
  <li>Cleaning the collector glass or the solar panels</li>
  <li>Testing the battery and the inverter on Mwangaza Home kits</li>
  <li>Repair visits at no labour charge for the length of the plan</li>
</ul>
<h2>Price</h2>
<p class="price">KSh 4,800 a year, or KSh 400 a month through Mwangaza Flexi-Pay.</p>
<p>Parts that wear out, such as an anode rod, are quoted to you before fitting, and we fit them only with your agreement.</p>
<h2>Our promises to you</h2>
<ul>
  <li>We reply to every enquiry within 1 working day.</li>
  <li>We carry out a free Site Survey within 3 working days of your request.</li>
  <li>You can cancel the plan in its first month. If you do, we refund you in full within 14 days.</li>
</ul>
<h2>Join the plan</h2>
<form action="/solarcare/join" method="post">
  <label>Name <input name="name" required></label>
  <label>Phone (M-Pesa) <input name="phone" required></label>
  <label>Installation reference <input name="ref"></label>
  <button type="submit">Request to join</button>
</form>
</main>
<footer>
  <p>Mwangaza Solar Ltd, Uganda Road, P.O. Box 4412-30100, Eldoret. EPRA solar water heating installer licence, class T2.</p>
</footer>
</body>
</html>
"""),
]
