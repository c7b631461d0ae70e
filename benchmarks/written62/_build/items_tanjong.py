# Tanjong Ark Veterinary Clinic (Singapore): e031-e045, p03. Singaporean English, friendly voice, emoji allowed.
BRAND = "brand-tanjongark.yml"
DOMAIN = "tanjongark.com.sg"

CHERYL = ("Dr Cheryl Tan", "cheryl.tan@tanjongark.com.sg")
ARJUN = ("Dr Arjun Nair", "arjun.nair@tanjongark.com.sg")
AISYAH = ("Nur Aisyah", "aisyah@tanjongark.com.sg")
KELVIN = ("Kelvin Ong", "kelvin.ong@tanjongark.com.sg")
JASMINE = ("Jasmine Lim", "hello@tanjongark.com.sg")
SHARON = ("Sharon Koh", "bedok@tanjongark.com.sg")

FOOTER = """Tanjong Ark Veterinary Clinic Pte Ltd (UEN 201734567K) | Upper Thomson 6555 0148 |
Bedok North 6555 0172 | Opening hours 9am-9pm daily, closed on public holidays. For
emergencies after 9pm, please contact a 24-hour emergency veterinary hospital."""

ITEMS = [
dict(id="e031", frm=CHERYL, to=("Rachel Goh", "rachelgoh.sg@gmail.com"), subject="Re: Mochi update",
     date="Mon, 02 Oct 2028 10:15:00 +0800", reply_domain="mail.gmail.com",
     new="""Hi Rachel,

Thank you for the update and the video of Mochi eating her hay! That is exactly what we wanted to see after the weekend.

Please continue the meloxicam once a day and the gut motility syrup twice a day until Thursday, then stop both. Keep offering fresh hay and leafy greens, and keep counting the droppings as you have been doing. Your notes have been really helpful.

I have booked Mochi's review with me on Friday, 6 October at 4.30pm at Upper Thomson. I will check her weight and listen to her gut, and if all is well, that will be the last visit for this episode 🐰

See you on Friday,
Dr Cheryl Tan""",
     dash=True, sig="""Dr Cheryl Tan BVSc
Senior Veterinarian, Tanjong Ark Veterinary Clinic""", footer=FOOTER,
     quote="""On Mon, 2 Oct 2028 at 7:48 AM, Rachel Goh <rachelgoh.sg@gmail.com> wrote:
> Dr Tan, Mochi ate a whole handful of hay this morning and there are poops
> again!! Sending a video. Thank you so much for seeing her on Saturday."""),

dict(id="e032", frm=KELVIN, to=("Michelle Pereira", "michelle.pereira@hotmail.com"),
     subject="Re: Saturday visit and bill", date="Tue, 03 Oct 2028 11:20:00 +0800", reply_domain="hotmail.com",
     kind="alt",
     new="""Dear Ms Pereira,

Thank you for writing in about Saturday's visit with Biscuit, and I am glad to hear he is eating again after the dental.

We apologise if you felt rushed during the consultation. Saturdays are our busiest mornings at Bedok North, and Dr Nair had three surgical patients waiting.

On the bill: the written estimate was for the dental under sedation, $380 to $450. The final amount of $512 included X-rays of both jaws, which Dr Nair decided to take once Biscuit was sedated. You should have been called before they were taken, and you were not. Dr Nair will call you on Wednesday afternoon to explain what the X-rays showed.

I will try to arrange a partial refund of the X-ray charge with our finance team.

Please call me on 6555 0172 if you would like to go through the bill line by line.""",
     sig="""Kelvin Ong
Practice Manager
Tanjong Ark Veterinary Clinic""", footer=FOOTER,
     quote="""On Sun, 1 Oct 2028 at 9:02 PM, Michelle Pereira <michelle.pereira@hotmail.com> wrote:
> I felt very rushed on Saturday, the vet barely explained anything and the
> bill was $512 when I was told $450 max. Not happy.""",
     spans=[("defensive", "We apologise if you felt rushed during the consultation."),
            ("commitment", "I will try to arrange a partial refund of the X-ray charge with our finance team.")]),

dict(id="e033", frm=AISYAH, to=("Daniel Chua", "danielchua88@yahoo.com.sg"), subject="RE: Eye drops for Pepper",
     date="Wed, 04 Oct 2028 13:20:00 +0800", reply_domain="yahoo.com.sg", kind="alt",
     new="""Hi Mr Chua,

Thank you for the photos of Pepper's eye. I can see why you are worried, and you did the right thing to write in quickly.

We are not able to send antibiotic eye drops without a vet examining Pepper first. I know that is not the answer you were hoping for. Eye problems in guinea pigs can look alike from the outside. Some need antibiotics, and some, like a scratch on the cornea, can get worse with the wrong drops.

Here is what we can do instead. Dr Nair has a slot at Upper Thomson today at 5.15pm, and I have put Pepper's name on it for now. If you cannot make it, I can move her to tomorrow at 10am instead.

Please reply or call 6555 0148 by 3pm today to confirm which one you prefer. Until then, please keep the eye clean with cooled boiled water on cotton wool, and keep Pepper indoors away from the fan.

Warm regards,""",
     sig="""Nur Aisyah
Senior Vet Nurse
Tanjong Ark Veterinary Clinic""", footer=FOOTER,
     quote="""-----Original Message-----
From: Daniel Chua <danielchua88@yahoo.com.sg>
Sent: Wednesday, 4 October 2028 11:05 AM
To: hello@tanjongark.com.sg
Subject: Eye drops for Pepper

Hi, my guinea pig Pepper's left eye is cloudy and watery since yesterday. Can you just
send me antibiotic eye drops? I had them last time for my other guinea pig. I'm working
in Tuas and cannot come down.

Daniel"""),

dict(id="e034", frm=ARJUN, to=("Jonathan Tan", "jon.tan.wk@gmail.com"), subject="Re: Oreo soft poop",
     date="Mon, 09 Oct 2028 12:40:00 +0800", reply_domain="mail.gmail.com", wrap=True,
     new="""Hi Mr Tan,

Thank you for your email and the photos of Oreo.

What a generous diet you've been giving him, with all those carrots and apples every day. The soft droppings are most likely from that. As any pet owner who has read about rabbits knows, their gut needs hay for at least 80 percent of what they eat. Sugary food upsets the bacteria in the gut.

Please switch Oreo to unlimited timothy hay and a handful of leafy greens, and stop the fruit and carrots completely for two weeks. Keep a small bowl of his usual pellets.

I'd like to see him on Saturday, 14 October at 11am at Bedok North so I can check his teeth and weight. Please reply to confirm.

Best regards,
Dr Arjun Nair""",
     dash=True, sig="""Dr Arjun Nair BVSc
Veterinarian, Tanjong Ark Veterinary Clinic""", footer=FOOTER,
     quote="""On Sun, 8 Oct 2028 at 10:31 PM, Jonathan Tan <jon.tan.wk@gmail.com> wrote:
> Hi, my rabbit Oreo's poop is soft and sticky since Friday. He is very
> active and eating well, I give him carrots and apples every day, he loves
> them! Should I worry?""",
     spans=[("sarcasm", "What a generous diet you've been giving him, with all those carrots and apples every day."),
            ("defensive", "As any pet owner who has read about rabbits knows"),
            ("brand", "pet owner")]),

dict(id="e035", frm=CHERYL, to=("Priya Raman", "priya.raman@singnet.com.sg"), subject="Kame's blood test results",
     date="Wed, 11 Oct 2028 15:45:00 +0800", cte="8bit",
     new="""Dear Mrs Raman,

Kame's blood results came back from the lab this afternoon, within the 3 working days we mentioned on Monday. I'm happy to say they look good.

His calcium and phosphorus levels are in the normal range for a Sulcata tortoise, and there are no signs of kidney trouble. The mild swelling you noticed around his left eye was most likely from the dry air in the flat. The eye drops should clear it within a week.

You do not need to bring him back for this problem. Please keep up the daily soaks and the UVB lamp. Replace the UVB bulb in December, as it will be a year old by then.

I have uploaded the full lab report to the ArkVet app under Kame's records. Nothing else is needed from you, and this case is now closed.

Warm regards,""",
     sig="""Dr Cheryl Tan BVSc
Senior Veterinarian
Tanjong Ark Veterinary Clinic"""),

dict(id="e036", frm=KELVIN, to=("Jacqueline Seah", "jacqueline.seah@gmail.com"), subject="Re: Kiwi's boarding stay",
     date="Mon, 16 Oct 2028 11:40:00 +0800", reply_domain="mail.gmail.com", kind="alt",
     new="""Dear Mrs Seah,

Thank you for your emails over the weekend about Kiwi's stay at Ark Boarding. I'm sorry she came home with a broken tail feather; I know how much she means to you.

Our nurse found the feather on the floor of Kiwi's cage on Saturday morning. Dr Tan examined her that afternoon, and there was no bleeding and no damage to the skin. African greys sometimes break a feather when startled at night, and there was a loud thunderstorm on Friday evening. A new feather will grow in at her next moult.

Our boarding team has done its best to meet your requests, even though you have been quite demanding with them this week.

Your request for a discount on the boarding fee will be looked into.

Please watch the base of the feather over the next few days. If you see any redness, send us a photo through the ArkVet app.

Regards,""",
     sig="""Kelvin Ong
Practice Manager
Tanjong Ark Veterinary Clinic""", footer=FOOTER,
     quote="""On Sun, 15 Oct 2028 at 8:14 PM, Jacqueline Seah <jacqueline.seah@gmail.com> wrote:
> Kiwi came back with a BROKEN tail feather. I paid $65 a night for your
> so-called boarding. I want a discount and an explanation. This is my
> third email!!""",
     spans=[("defensive", "you have been quite demanding with them this week"),
            ("commitment", "Your request for a discount on the boarding fee will be looked into.")]),

dict(id="e037", frm=ARJUN, to=("Lee Hui Min", "huimin.lee@outlook.com"), subject="RE: Thank you",
     date="Tue, 17 Oct 2028 16:30:00 +0800", reply_domain="outlook.com", cte="8bit", charset="windows-1252",
     new="""Dear Hui Min,

I’m so sorry about Nugget. Thank you for your kind message, and for trusting us with him at the end.

Two and a half years is a long and full life for a Syrian hamster. It was clear from the way you held him on Sunday how loved he was. You made a kind decision for him. The lump was growing quickly, and he would not have been comfortable for much longer.

You asked whether you should have brought him in earlier. The lump only appeared in the last few weeks, and there was nothing you missed.

Aisyah made a paw print card for you before his cremation. She will post it to your home address on Friday, 20 October, together with his ashes in the small wooden box you chose.

You don’t need to do anything else. The bill was settled on Sunday, and we have closed Nugget’s file. If you ever just want to talk about him, we are here.

With warmest thoughts,""",
     sig="""Dr Arjun Nair BVSc
Veterinarian
Tanjong Ark Veterinary Clinic""",
     quote="""-----Original Message-----
From: Lee Hui Min <huimin.lee@outlook.com>
Sent: Monday, 16 October 2028 10:47 PM
To: Arjun Nair <arjun.nair@tanjongark.com.sg>
Subject: Thank you

Dr Nair, thank you for being so gentle with Nugget on Sunday. I keep thinking whether I
should have brought him in earlier. Thank you for everything.

Hui Min"""),

dict(id="e038", frm=JASMINE, to=("Serene Yeo", "sereneyeo@gmail.com"), subject="Re: Boarding over Christmas",
     date="Mon, 13 Nov 2028 10:05:00 +0800", reply_domain="mail.gmail.com", cte="7bit", charset="us-ascii",
     crlf=True,
     new="""Hi Ms Yeo,

Thanks for your email.

Ark Boarding is fully booked from 20 December to 2 January. Shocking, I know, that the week before Christmas filled up in October.

The booking system does not let us add cages beyond our licensed capacity, and that is final.

For future holidays, bookings open three months ahead on the ArkVet app.""",
     sig="""Jasmine
Front Desk Lead
Tanjong Ark Veterinary Clinic""", footer=FOOTER,
     quote="""On Sun, 12 Nov 2028 at 11:20 PM, Serene Yeo <sereneyeo@gmail.com> wrote:
> Hi, I need to board my 2 rabbits from 22 Dec to 30 Dec, I tried the app
> and it says full?? I have been a customer for 4 years, surely you can
> squeeze them in. Please help.""",
     missing=True,
     spans=[("sarcasm", "Shocking, I know, that the week before Christmas filled up in October."),
            ("defensive", "and that is final")]),

dict(id="e039", frm=JASMINE, to=("Marcus Teo", "marcus.teo@gmail.com"), subject="Re: Is the ArkCare Plan worth it?",
     date="Wed, 18 Oct 2028 12:10:00 +0800", reply_domain="mail.gmail.com", kind="html",
     new="""Hi Marcus,

Thanks for asking before signing up. That's a good question, and I'd rather you joined only if it makes sense for Bao.

The ArkCare Plan for guinea pigs is $28 a month. It covers two health checks a year, a nail trim every two months, one faecal test a year and 10% off medicines and surgery. The checks, nail trims and faecal test at our normal prices come to about $295 a year, against $336 for the plan. So the plan pays for itself only if Bao needs some treatment during the year.

For a young, healthy guinea pig like Bao, paying as you go may cost you less. I'd suggest booking his first health check on the ArkVet app and deciding after Dr Tan has seen him.

You can cancel the plan within 30 days of joining. If you do, we refund the full amount within 7 working days.""",
     sig="""Jasmine Lim
Front Desk Lead
Tanjong Ark Veterinary Clinic""", footer=FOOTER,
     quote="""On Tue, 17 Oct 2028 at 9:55 PM, Marcus Teo <marcus.teo@gmail.com> wrote:
> Hello, just got a guinea pig (Bao, 4 months). Is the ArkCare plan worth
> it or is it a gimmick? Honest answer please."""),

dict(id="e040", frm=SHARON, to=("Vanessa Wong", "vanessa.wong.yl@gmail.com"), subject="Re: Spay for Lulu",
     date="Thu, 19 Oct 2028 17:35:00 +0800", reply_domain="mail.gmail.com", kind="alt", cte="base64",
     new="""Hi Ms Wong,

Thank you for your questions about Lulu's spay.

Our price of $680 includes the pre-anaesthetic check, the surgery, gas anaesthesia, pain relief, one night in hospital and the check-up ten days later. You mentioned another clinic quoted under $300 for everything?! That would not cover the gas anaesthesia alone at most clinics.

Spaying is very routine for us, and the procedure is painless for her with the medication we give.

We'll send you the pre-op instructions nearer the date. Your booking on 3 November at 8.30am is confirmed.

Regards,""",
     sig="""Sharon Koh
Front Desk, Bedok North
Tanjong Ark Veterinary Clinic""", footer=FOOTER,
     quote="""On Wed, 18 Oct 2028 at 10:12 PM, Vanessa Wong <vanessa.wong.yl@gmail.com> wrote:
> Hi, why is the spay $680? My friend's clinic quoted below $300 for her
> rabbit. Also is it risky? Lulu is 1 year old.""",
     spans=[("defensive", "You mentioned another clinic quoted under $300 for everything?!"),
            ("brand", "painless"),
            ("commitment", "We'll send you the pre-op instructions nearer the date.")]),

dict(id="e041", frm=ARJUN, to=("Ravi Shankar", "ravi.shankar@gmail.com"), subject="Written estimate for Chilli's dental",
     date="Mon, 23 Oct 2028 17:05:00 +0800", kind="mixed-alt",
     attach=("Estimate-Chilli-TA-28-10231.pdf", "application/pdf"),
     new="""Dear Mr Shankar,

As promised at this afternoon's visit, I've attached the written estimate for Chilli's dental work.

The estimate is $720 to $860. The lower figure covers the anaesthetic, skull X-rays, trimming the overgrown cheek teeth and one night in hospital. The higher figure applies only if the X-rays show a tooth root abscess that needs flushing. If Chilli needs anything more, we will stop and call you first. We will not go above $860 without your agreement.

I have held a surgery slot for Chilli on Thursday, 26 October, with admission at 8.30am at Upper Thomson. Please reply to this email by 12 noon on Wednesday to confirm. Keep feeding Chilli as normal on Thursday morning, as chinchillas should not be fasted before surgery.

Best regards,""",
     sig="""Dr Arjun Nair BVSc
Veterinarian
Tanjong Ark Veterinary Clinic""", footer=FOOTER),

dict(id="e042", frm=JASMINE, to=("Clara Ng", "clara.ng.sg@gmail.com"), subject="Re: Cannot log in to app",
     date="Tue, 24 Oct 2028 10:25:00 +0800", reply_domain="mail.gmail.com", wrap=True,
     new="""Hi Clara,

I'm sorry you had to chase us for this. My colleague told you last Thursday that someone would call you back about the app, and nobody did. That one is on us.

I've found the problem. Your account was set up with your old mobile number, so the login code was going to a phone you no longer use. I changed it to the number ending 4471 this morning, and I've tested it: the code now comes through in a few seconds.

You can log in to the ArkVet app now with your email address. Snowball's health check notes and Friday's invoice are both in there.

If the code doesn't arrive, just call me at 6555 0148 and I'll sort it out with you on the phone.

Jasmine""",
     dash=True, sig="""Jasmine Lim
Front Desk Lead, Tanjong Ark Veterinary Clinic""", footer=FOOTER,
     quote="""On Mon, 23 Oct 2028 at 9:40 PM, Clara Ng <clara.ng.sg@gmail.com> wrote:
> Hi, still cannot log in to the app leh. Your colleague said last week
> someone will get back to me soon but until now nobody call. Can help or
> not?"""),

dict(id="e043", frm=AISYAH, to=("Desmond Lim", "desmond.lim@gmail.com"), subject="RE: Moving to KL with our budgies",
     date="Thu, 26 Oct 2028 14:45:00 +0800", reply_domain="mail.gmail.com", kind="alt",
     new="""Dear Mr Lim,

Thank you for planning this so early. It makes the move much easier for Kopi and Teh.

Here is how it usually works for birds moving from Singapore to Malaysia:

1. You apply to Malaysia's Department of Veterinary Services (DVS) for an import permit. Other families have told us it usually takes two to three weeks, but DVS sets its own timing.
2. You apply to AVS in Singapore for an export licence, attaching the import permit.
3. Within 7 days before travel, a vet examines the birds and signs the health certificate.

We can do step 3. I have reserved a 30-minute slot with Dr Tan on Monday, 27 November at 3pm, which is four days before your move on 1 December.

Please send me a copy of the DVS import permit once you have it, so Dr Tan can check the conditions before the appointment.

Warm regards,""",
     sig="""Nur Aisyah
Senior Vet Nurse
Tanjong Ark Veterinary Clinic""", footer=FOOTER,
     quote="""-----Original Message-----
From: Desmond Lim <desmond.lim@gmail.com>
Sent: Wednesday, 25 October 2028 8:30 PM
To: hello@tanjongark.com.sg
Subject: Moving to KL with our budgies

Hello, we are relocating to Kuala Lumpur on 1 Dec with our two budgies, Kopi and Teh. What
do we need to do and can your clinic help with the health certificate?

Thanks,
Desmond"""),

dict(id="e044", frm=SHARON, to=("Benjamin Lee", "benlee.reptiles@gmail.com"), subject="RE: X-ray charge",
     date="Mon, 30 Oct 2028 18:20:00 +0800", reply_domain="gmail.com", cte="quoted-printable",
     charset="iso-8859-1",
     new="""Hi Mr Lee,

Thanks for the fourth email on this, I do appreciate the reminders.

As I mentioned in my last two replies, the Arkcare Plan gives 10% off X-rays; it does not cover them in full. That is why Spike's bill shows $198 and not $0.

I've noted your request to have the plan terms reviewed, and we'll see what can be done when the plans are renewed next year.""",
     sig="""Sharon Koh
Front Desk, Bedok North""",
     quote="""________________________________
From: Benjamin Lee <benlee.reptiles@gmail.com>
Sent: Monday, 30 October 2028 9:02 AM
To: Bedok North <bedok@tanjongark.com.sg>
Subject: X-ray charge

Hello, 4th time asking. Why am I charged $198 for Spike's X-ray when I am on the ArkCare
plan?? Please check properly.""",
     missing=True,
     spans=[("sarcasm", "Thanks for the fourth email on this, I do appreciate the reminders."),
            ("defensive", "As I mentioned in my last two replies"),
            ("brand", "Arkcare"),
            ("commitment", "we'll see what can be done when the plans are renewed next year")]),

dict(id="e045", frm=JASMINE, to=("Kavitha Menon", "kavitha.menon@gmail.com"), subject="RE: Cancel boarding 3-10 Nov",
     date="Tue, 31 Oct 2028 09:50:00 +0800", reply_domain="gmail.com", cte="7bit", charset="us-ascii", crlf=True,
     new="""Dear Mrs Menon,

Thank you for letting us know early, and I hope your mother is feeling better soon.

I've cancelled Ginger and Pumpkin's Ark Boarding stay from 3 to 10 November. As the cancellation is more than 48 hours before the start date, there is no charge. I refunded the $130 deposit to your Visa card ending 2290 this morning. Card refunds usually take 5 to 7 working days to appear on your statement, depending on your bank.

Nothing else is needed from you. Whenever you are ready to book again, Ginger and Pumpkin are welcome back.

Best regards,""",
     sig="""Jasmine Lim
Front Desk Lead
Tanjong Ark Veterinary Clinic""",
     quote="""-----Original Message-----
From: Kavitha Menon <kavitha.menon@gmail.com>
Sent: Monday, 30 October 2028 11:40 PM
To: hello@tanjongark.com.sg
Subject: Cancel boarding 3-10 Nov

Hi, I need to cancel the boarding for my 2 guinea pigs (Ginger and Pumpkin) from 3-10 Nov
as I have to fly to Chennai, my mother is in hospital. Can I get back the deposit?

Kavitha"""),
]

ITEMS += [
dict(id="p03", ext="html", page="""
<!DOCTYPE html>
<html lang="en-SG">
<head>
<meta charset="utf-8">
<title>Book an appointment | Tanjong Ark Veterinary Clinic</title>
<style>
  body { font-family: "Helvetica Neue", Arial, sans-serif; margin: 0; background: #fbfaf6; }
  .clinic { display: inline-block; width: 45%; vertical-align: top; }
  .note { background: #eef6ee; padding: 8px 12px; }
</style>
<script>
  document.addEventListener("DOMContentLoaded", function () {
    var f = document.getElementById("booking");
    if (f) { f.addEventListener("submit", function () { console.log("booking sent"); }); }
  });
</script>
</head>
<body>
<nav>
  <a href="/">Home</a>
  <a href="/services">Services</a>
  <a href="/arkcare">ArkCare Plan</a>
  <a href="/boarding">Ark Boarding</a>
  <a href="/book">Book</a>
</nav>
<main>
<h1>Book an appointment</h1>
<p>We see rabbits, guinea pigs, hamsters, chinchillas, birds, tortoises, terrapins and reptiles. Every patient gets the same care, whatever their size. 🐢</p>
<img src="/img/reception.jpg" alt="Our Upper Thomson reception with a rabbit on the scales">
<div class="clinic">
  <h2>Upper Thomson</h2>
  <p>Upper Thomson Road, Singapore. Phone 6555 0148.</p>
</div>
<div class="clinic">
  <h2>Bedok North</h2>
  <p>Bedok North Avenue, Singapore. Phone 6555 0172.</p>
</div>
<h2>How to book</h2>
<ol>
  <li>Book in the ArkVet app, or fill in the form below.</li>
  <li>Tell us the species, age and what you have noticed.</li>
  <li>We confirm your slot by SMS.</li>
</ol>
<p class="note">Messages sent through this form go to both clinics. We reply to every message within 24 hours, including weekends.</p>
<p>If your pet is not eating, is breathing with an open mouth or is bleeding, please call the nearest clinic straight away.</p>
<form id="booking" action="/book" method="post">
  <label>Pet parent's name <input name="name"></label>
  <label>Mobile <input name="mobile"></label>
  <label>Species <select name="species"><option>Rabbit</option><option>Guinea pig</option><option>Bird</option><option>Other</option></select></label>
  <label>What have you noticed? <textarea name="notes"></textarea></label>
  <button type="submit">Request appointment</button>
</form>
</main>
<footer><p>Tanjong Ark Veterinary Clinic Pte Ltd, UEN 201734567K. Open 9am to 9pm daily, closed on public holidays.</p></footer>
</body>
</html>
""", spans=[("brand", "We reply to every message within 24 hours, including weekends.")]),
]
