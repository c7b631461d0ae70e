# Carronbank Driver Training (Grangemouth, Scotland): e001-e015, p01, p04. Scottish English, friendly voice.
BRAND = "brand-carronbank.yml"
DOMAIN = "carronbank.co.uk"

MORAG = ("Morag Kerr", "morag.kerr@carronbank.co.uk")
FIONA = ("Fiona Baird", "fiona.baird@carronbank.co.uk")
CALLUM = ("Callum Rennie", "callum.rennie@carronbank.co.uk")
GRAEME = ("Graeme Shaw", "graeme.shaw@carronbank.co.uk")
ELSPETH = ("Elspeth Munro", "accounts@carronbank.co.uk")

FOOTER = """Carronbank Driver Training Ltd is registered in Scotland (SC612904). Registered office:
Unit 4, Carron Dock Road, Grangemouth FK3 8XX. We record calls and lessons in CabTime for
training and quality purposes."""

SIG_MORAG = """Morag Kerr
Bookings, Carronbank Driver Training
01324 555 081
Unit 4, Carron Dock Road, Grangemouth FK3 8XX"""

ITEMS = [
dict(id="e001", frm=MORAG, to=("Stuart Duncan", "studuncan84@gmail.com"), subject="Re: Test cancelled??",
     date="Mon, 07 Feb 2028 08:52:00 +0000", reply_domain="mail.gmail.com", wrap=True, dash=True,
     new="""Hi Stuart,

I'm really sorry you got the cancellation text from the DVSA at 10 o'clock last night with no explanation. That's a rotten way to find out, especially after you'd booked the Friday off work.

I phoned the Livingston test centre when they opened this morning. The examiner who was due to take your Category C test is off sick, and they've cancelled every test on his list for Friday. It wasn't anything to do with you, your paperwork or the lorry.

The centre has given us a new slot on Thursday 17 February at 08:10. I've accepted it for you, and the DVSA will email you their confirmation today. If that date is no good for your work, phone me on the number below by Wednesday and I'll ask for the next one.

Callum has moved your refresher drive to Wednesday 16 February at 13:00, so you'll have the lorry for two hours the day before. I'll meet you at the yard at 06:45 on the Thursday, same as we'd planned.

The DVSA pays the fee back when they cancel, so the new date won't cost you anything extra.

Cheers,
Morag""",
     sig=SIG_MORAG, footer=FOOTER,
     quote="""On Sun, 6 Feb 2028 at 22:17, Stuart Duncan <studuncan84@gmail.com> wrote:
> Just got a text saying my test on Friday is CANCELLED. No reason given.
> I've taken the day off and everything. What is going on?? Is this
> something I've done wrong with the forms?
>
> Stuart"""),

dict(id="e002", frm=FIONA, to=("Aileen Fraser", "aileen.fraser@btinternet.com"),
     subject="RE: Bus licence - where do I start", date="Tue, 08 Feb 2028 11:05:00 +0000",
     reply_domain="btinternet.com", kind="alt",
     new="""Dear Aileen,

Thanks for getting in touch, and well done for taking the first step. Plenty of our bus drivers started out exactly where you are, with a car licence and no idea where the forms were.

The Carronbank Starter Pack costs £145 and covers the groundwork before any driving:

- we book your D4 medical with a GP we work with in Falkirk and go through the form with you
- we help you apply for provisional Category D entitlement on the D2 form
- we book your theory and hazard perception tests and give you a CabTime login for practice questions
- a one-hour assessment drive in one of our buses

The assessment drive is just a way for us to see where you're starting from. It isn't a test, and nobody marks you.

Once you have your provisional entitlement, the full Category D course is five days. Callum will hand you a written price for it at the end of the assessment drive, before you leave the yard.

Could you reply with two or three weekday mornings in the next fortnight that would suit for the assessment drive? I'll book the first one that's free and send you the details the same day.

Kind regards,
Fiona""",
     sig="""Fiona Baird
Office Manager
Carronbank Driver Training
01324 555 080""",
     quote="""-----Original Message-----
From: Aileen Fraser <aileen.fraser@btinternet.com>
Sent: 07 February 2028 19:40
To: info@carronbank.co.uk
Subject: Bus licence - where do I start

Hello, I'm 52 and have been driving cars for 30 years. The big bus company isn't hiring
near me so I'm thinking about getting my bus licence and applying to the local firms.
I honestly don't know where to start. Is there a package or do I need to sort the medical
myself?

Thanks
Aileen"""),

dict(id="e003", frm=CALLUM, to=("Ryan Tait", "ryantait.hgv@outlook.com"), subject="Re: 3a fail",
     date="Tue, 15 Feb 2028 09:30:00 +0000", reply_domain="outlook.com", wrap=True,
     cte="7bit", charset="us-ascii",
     new="""Hi Ryan,

Sorry to hear about Monday. I know how much you wanted to get the 3a done and out of the way, and losing it on the reverse is frustrating.

I've gone back over the notes from your training week with Derek. He had you on the reversing bay on the Tuesday and the Wednesday, and the notes say you were cutting in too early both days. To be fair to Derek, the extra session he offered on the Thursday afternoon was the one you turned down to get away early.

On the retest: the DVSA charges for every Module 3a attempt, and we can't waive their fee. What I can do is give you an hour on the reversing bay with me, free, before the retest. I'll try and fit that in for you at some point next week.

Please text me your retest date once the DVSA confirms it.

Callum""",
     sig="""Callum Rennie
Senior Instructor, Carronbank Driver Training
07700 555 219""",
     quote="""On Mon, 14 Feb 2028 at 18:02, Ryan Tait <ryantait.hgv@outlook.com> wrote:
> Failed the 3a today on the reverse. Honestly nobody showed me how to do
> it properly, I was just left to get on with it. I think I should get
> the retest paid for by yous as it's your training that let me down.""",
     spans=[("defensive", "the one you turned down to get away early"),
            ("commitment", "I'll try and fit that in for you at some point next week.")]),

dict(id="e004", frm=GRAEME, to=("Lorna Hendry", "lorna.hendry@kinneilhaulage.co.uk"),
     subject="Driver CPC courses in March - details and driver list", date="Mon, 14 Feb 2028 14:20:00 +0000",
     cte="7bit", charset="us-ascii",
     new="""Hello Lorna,

Thank you for booking the Driver CPC days for your drivers again this year. Here are the details for the two courses.

Course 1: Safe Loading and Load Security, Saturday 4 March 2028
Course 2: Drivers' Hours and Tachographs, Saturday 11 March 2028

Both run from 08:30 to 16:00 in the training room at our Grangemouth yard, with lunch provided. Each day counts as 7 hours towards the 35 hours every driver needs for their DQC.

We upload each driver's hours to the DVSA within 5 working days of the course. Drivers can check their total on GOV.UK after that.

To get everyone registered, please send me each driver's full name, licence number and date of birth by Friday 25 February. A spreadsheet is fine, or the same details in the body of an email.

Best regards,""",
     sig="""Graeme Shaw
Driver CPC Coordinator
Carronbank Driver Training
01324 555 084"""),

dict(id="e005", frm=MORAG, to=("Darren Logan", "darrenlogan@gmail.com"), subject="Re: Lesson today",
     date="Tue, 22 Feb 2028 10:20:00 +0000", reply_domain="mail.gmail.com", wrap=True, dash=True,
     new="""Hi Darren,

Thanks for letting us know at twelve minutes past six that you wouldn't be in for seven.

I've had a look at your booking. As set out in the terms you signed when you enrolled, a lesson cancelled with less than 48 hours' notice is charged in full. That applies to every student, whatever the reason.

That said, I don't want you losing momentum this close to your test. I can offer you a half-price replacement lesson on Thursday 24 February at 07:00. Please reply by 5pm tomorrow if you'd like it, and I'll put it into CabTime for you.

Regards,
Morag""",
     sig=SIG_MORAG, footer=FOOTER,
     quote="""On Tue, 22 Feb 2028 at 06:12, Darren Logan <darrenlogan@gmail.com> wrote:
> Sorry cant make today, cars no starting. Can I get that lesson moved for
> free? Dont see why I should pay when its not my fault.""",
     spans=[("sarcasm", "Thanks for letting us know at twelve minutes past six that you wouldn't be in for seven."),
            ("defensive", "As set out in the terms you signed when you enrolled"),
            ("brand", "student")]),

dict(id="e006", frm=FIONA, to=("Jamie Gillespie", "j.gillespie@gmail.com"),
     subject="Re: Complaint - left standing at Bishopbriggs", date="Wed, 23 Feb 2028 14:40:00 +0000",
     reply_domain="mail.gmail.com", kind="alt",
     new="""Dear Jamie,

You're right, and I'm sorry. You'd just finished a test, you were soaked, and you were left waiting for fifty minutes outside the Bishopbriggs centre with no word from us. That should never have happened.

Here is what went wrong. Our office moved another trainee's pickup into the same hour without checking that Derek was already due back for you. Nobody phoned you to warn you, and that part is entirely on us.

I've refunded the £60 for yesterday's pre-test lesson to the card you paid with. It left our account this morning, so it should show within three to five working days. From Monday, every change to a test-day pickup has to be checked by me before it goes into the diary.

There's nothing more you need to do.

Congratulations on the pass, by the way. You earned it!

Best wishes,""",
     sig="""Fiona Baird
Office Manager
Carronbank Driver Training
01324 555 080""",
     quote="""On Tue, 22 Feb 2028 at 17:55, Jamie Gillespie <j.gillespie@gmail.com> wrote:
> I passed my test today but I am RAGING. Stood outside Bishopbriggs for
> nearly an HOUR in the pouring rain waiting on your lorry!!! Nobody
> answered the office phone. I paid £60 for the lesson this morning and I
> want it back."""),

dict(id="e007", frm=CALLUM, to=("Kirsty Hamilton", "kirstyhamilton@icloud.com"), subject="RE: Test date",
     date="Thu, 24 Feb 2028 16:15:00 +0000", reply_domain="icloud.com", wrap=True,
     new="""Hi Kirsty,

Thanks for being so straight with me about the job offer. I understand why you want the test done before the start date, and I'd love to see you in that cab.

I can't put you forward for this Friday, though. On Tuesday's drive you mounted the kerb twice on left turns and stalled on the hill start at Bo'ness Road. Those are both serious faults on a test, and I'd be sending you in to fail and pay the DVSA fee again.

Here is what I'd suggest instead. I've pencilled in two extra mornings with you, Monday 28 February and Wednesday 1 March, from 08:00 to 11:00. If those go the way I expect, I'll book your test at noon on Wednesday 1 March, for the first date the DVSA has.

I also wrote to the depot manager today, as you asked, to say you're in training with us. He told me they can hold a start date for a week or two for a good candidate.

Please confirm the two mornings by replying to this email, or phone the office before 5pm tomorrow.

Callum""",
     sig="""Callum Rennie
Senior Instructor, Carronbank Driver Training
07700 555 219""",
     quote="""-----Original Message-----
From: Kirsty Hamilton <kirstyhamilton@icloud.com>
Sent: 24 February 2028 12:31
To: Callum Rennie <callum.rennie@carronbank.co.uk>
Subject: Test date

Callum, I've been offered a job at the Kinneil depot starting on the 13th of March but
only if I have my C licence by then. Can you put me in for this Friday? I'll be fine, I
know I had a bad day on Tuesday but I was just nervous. You said yourself I'm nearly
there. You can tell them I'm training with you.

Kirsty"""),

dict(id="e008", frm=GRAEME, to=("Ian Dalgleish", "ian@dalgleishtransport.co.uk"),
     subject="RE: Missing CPC hours - Mark Baillie", date="Mon, 06 Mar 2028 10:02:00 +0000",
     reply_domain="dalgleishtransport.co.uk", kind="alt",
     new="""Hi Ian,

Lovely to start the week with another of your emails. I've checked our records for the Drivers' Hours course on 11 February.

Six of your seven drivers have their 7 hours showing on the DVSA system. The seventh is Mark Baillie. The licence number we had for him was one digit short, so the upload was rejected. We entered EXACTLY what your office sent us. Mark gave us the right number at the yard on Friday.

The DVSA upload system has been down for maintenance since the weekend. We'll get his hours sorted once it lets us back in.

Graeme""",
     sig="""Graeme Shaw
Driver CPC Coordinator
Carronbank Driver Training
01324 555 084""",
     quote="""-----Original Message-----
From: Ian Dalgleish <ian@dalgleishtransport.co.uk>
Sent: 05 March 2028 20:14
To: Graeme Shaw <graeme.shaw@carronbank.co.uk>
Subject: Missing CPC hours - Mark Baillie

Graeme, it's been three weeks and Mark Baillie's hours still aren't on his record. His
card runs out at the end of March. Can you tell me what's going on?

Ian Dalgleish
Transport Manager""",
     missing=True,
     spans=[("sarcasm", "Lovely to start the week with another of your emails."),
            ("defensive", "We entered EXACTLY what your office sent us."),
            ("commitment", "We'll get his hours sorted once it lets us back in.")]),

dict(id="e009", frm=CALLUM, to=("Tomasz Nowak", "tomasz.nowak.84@gmail.com"), subject="Re: Thank you",
     date="Fri, 03 Mar 2028 15:22:00 +0000", reply_domain="mail.gmail.com", cte="8bit", charset="windows-1252",
     new="""Hi Tomasz,

That’s made my week. Thank you for the card and for the tablet, which lasted about eleven minutes in the crew room. Derek says it’s the best he’s had since his gran’s.

You worked hard for that pass. Coming back after failing the first time takes some nerve. And the reverse you put in on Wednesday was the tidiest I’ve seen this winter.

Your pass certificate is your proof for now. The DVLA will post your new licence with C+E on it, usually within three weeks. Your file with us is closed, and there’s nothing more you need to do.

If the Kinneil job ever wants you on the Driver CPC days, you know where we are.

All the best on the road,
Callum""",
     dash=True, sig="""Callum Rennie
Senior Instructor, Carronbank Driver Training
07700 555 219""",
     quote="""On Thu, 2 Mar 2028 at 20:40, Tomasz Nowak <tomasz.nowak.84@gmail.com> wrote:
> Callum, just wanted to say thanks to you and Derek. I really thought I’d
> never get it after the first fail. I dropped a wee box of tablet at the
> office for the two of you. Cheers!"""),

dict(id="e010", frm=FIONA, to=("Liam Boyle", "liamboyle99@hotmail.co.uk"), subject="RE: Instructor",
     date="Tue, 07 Mar 2028 12:10:00 +0000", reply_domain="hotmail.co.uk", wrap=True,
     new="""Hi Liam,

Thanks for your email about Monday. I've spoken to Derek, and he agrees he raised his voice at the Kerse Road lights. He was worried about the cyclist on your inside, but that's not how we want anyone spoken to in our cab, and I'm sorry it happened.

I'll be honest with you, though. Derek has had a lot of trainees over the years, and you've been a bit of a handful from the first morning. Arriving late twice and arguing with every correction doesn't make for a calm cab.

I can move you to Callum for the rest of the week. He's free from 08:00 tomorrow, so you'd start with him at the yard then.

On the length of the course: five days is our standard Category C course. It was never sold to you as a crash course, and your instructor will tell you on Friday whether you need more time before the test.

Please reply by 4pm today to say whether you want to switch to Callum.

Fiona""",
     sig="""Fiona Baird
Office Manager
Carronbank Driver Training
01324 555 080""",
     quote="""________________________________
From: Liam Boyle <liamboyle99@hotmail.co.uk>
Sent: 06 March 2028 21:48
To: Carronbank Office <info@carronbank.co.uk>
Subject: Instructor

Your instructor Derek SHOUTED at me today in front of the whole junction. I'm paying
£1,400 for this and I don't need to be spoken to like a child. I want a different
instructor. And to be honest this crash course is far too short anyway, five days is a
joke.""",
     spans=[("defensive", "you've been a bit of a handful from the first morning"),
            ("defensive", "Arriving late twice and arguing with every correction doesn't make for a calm cab."),
            ("brand", "crash course")]),

dict(id="e011", frm=ELSPETH, to=("Graham Whyte", "g.whyte@btinternet.com"),
     subject="Your Category D course - receipt and joining details", date="Wed, 08 Mar 2028 09:40:00 +0000",
     kind="mixed-alt", attach=("Carronbank-receipt-CB-2028-0312.pdf", "application/pdf"),
     new="""Dear Mr Whyte,

Thank you for your payment of £1,295 for the Category D course. Your receipt is attached as a PDF.

Your course runs from Monday 20 March to Friday 24 March, 08:00 to 16:00 each day. Please bring your photocard licence and your theory test pass letter on the Monday morning, and wear sturdy shoes.

Your instructor will be Callum Rennie. He'll phone you on Friday 17 March to go over the week and answer any questions. Your lesson times are also in CabTime under "My bookings".

If you need to cancel, please tell us at least 48 hours before the course starts. We refund cancellations within 14 days, to the card you paid with.

Kind regards,""",
     sig="""Elspeth Munro
Accounts, Carronbank Driver Training
01324 555 086""", footer=FOOTER),

dict(id="e012", frm=ELSPETH, to=("Gordon McLeish", "gordon.mcleish@gmail.com"),
     subject="Re: Refund request - Starter Pack", date="Thu, 09 Mar 2028 11:15:00 +0000",
     reply_domain="mail.gmail.com", kind="alt", cte="base64",
     new="""Dear Mr McLeish,

Thank you for your email, and I'm sorry to hear the D4 medical didn't go your way.

I'm sorry if our terms weren't as clear as you'd have liked. The Carronbank Starter Pack price covers the medical booking, which went ahead, so the £45 for the GP's fee can't be returned. The remaining £100 can be.

Your refund will be processed in the next few weeks. Refunds normally reach your account within 28 days of approval.

Please reply to confirm that the card ending 4417 is still the right one to pay it back to.

Kind regards,""",
     sig="""Elspeth Munro
Accounts, Carronbank Driver Training
01324 555 086""", footer=FOOTER,
     quote="""On Wed, 8 Mar 2028 at 19:26, Gordon McLeish <gordon.mcleish@gmail.com> wrote:
> Hello, I had the medical last week and the GP says my field of vision
> isn't good enough for a lorry licence, so that's the end of that. I paid
> £145 for the Starter Pack and I'd like it back please as I can't use any
> of it now. Nobody told me this could happen.""",
     spans=[("defensive", "I'm sorry if our terms weren't as clear as you'd have liked."),
            ("commitment", "Your refund will be processed in the next few weeks."),
            ("brand", "Refunds normally reach your account within 28 days of approval.")]),

dict(id="e013", frm=MORAG, to=("Ewan Grant", "ewangrant@gmail.com"), subject="Fwd: Roadworks week commencing 13 March",
     date="Fri, 10 Mar 2028 14:05:00 +0000",
     new="""Hi Ewan,

I'm forwarding the email we got from the Livingston test centre this afternoon, as it affects your test on Tuesday.

In short, the centre expects roadworks to close the usual exit lane next week, so the examiners may start some tests from the side gate instead. Nothing changes on our side. I'll meet you at the yard at 07:00 on Tuesday as planned, and Derek will drive you there and back.

If the centre contacts you about the gate, please forward it to me so I can check it against what they told us.

Cheers,
Morag""",
     quote="""---------- Forwarded message ---------
From: LGV Test Centre Livingston <lgv.livingston@example.gov.uk>
Date: Fri, 10 Mar 2028 at 12:48
Subject: Roadworks week commencing 13 March
To: <info@carronbank.co.uk>

Dear trainer,

Roadworks are expected to affect access to the centre from Monday 13 March for up to two
weeks. Examiners may begin some tests from the side gate. Candidates should arrive at the
normal time and report to reception as usual. We will update trainers if the arrangement
changes.

Regards
Test Centre Manager"""),

dict(id="e014", frm=GRAEME, to=("Shona Reid", "shona@reidcoaches.co.uk"), subject="Re: Attendance letters",
     date="Mon, 13 Mar 2028 15:50:00 +0000", reply_domain="mail.gmail.com", cte="7bit", charset="us-ascii",
     crlf=True,
     new="""Hi Shona,

I appreciate it's a 'legal requirement' now, though the course was in November.

For what it's worth, the hours themselves are all on the DVSA record, and that's what the auditor will normally look at.

We'll get the attendance letters out to you once Elspeth is back from leave.

Graeme""",
     sig="""Graeme Shaw
Driver CPC Coordinator
Carronbank Driver Training
01324 555 084""",
     quote="""On Mon, 13 Mar 2028 at 09:12, Shona Reid <shona@reidcoaches.co.uk> wrote:
> Graeme, I still don't have the attendance letters for the November CPC
> course. I need them by close of play TODAY for our operator licence
> audit. It's a legal requirement.""",
     missing=True,
     spans=[("sarcasm", "I appreciate it's a 'legal requirement' now"),
            ("commitment", "We'll get the attendance letters out to you once Elspeth is back from leave.")]),

dict(id="e015", frm=FIONA, to=("Alasdair Mackintosh", "alasdair.mackintosh@outlook.com"),
     subject="RE: Am I too old for this?", date="Tue, 14 Mar 2028 10:30:00 +0000",
     reply_domain="outlook.com", kind="alt",
     new="""Dear Alasdair,

Thank you for such a thoughtful email. You're not too old, and you'd be far from our oldest trainee. Our record is a retired joiner who passed his Category D at 68 and now drives a school run in Bo'ness.

The medical is the main thing to check first. The D4 form asks about eyesight, diabetes, heart conditions and sleep, and the GP goes through it all with you. If anything comes up, you won't pay for the course until we've talked it through together.

The Carronbank Starter Pack is the easiest way to begin, because we book the medical for you. It's £145.

If you'd like to go ahead, please phone me on 01324 555 080 or reply with a day that suits for a chat. I'm in the office Monday to Thursday, 09:00 to 17:00.

Kind regards,""",
     sig="""Fiona Baird
Office Manager
Carronbank Driver Training""",
     quote="""-----Original Message-----
From: Alasdair Mackintosh <alasdair.mackintosh@outlook.com>
Sent: 13 March 2028 18:05
To: info@carronbank.co.uk
Subject: Am I too old for this?

Good evening. I'm 64 and have just retired from the council roads department. Is it daft
to think about driving a community bus at my age? I'd be grateful for an honest answer.

Alasdair Mackintosh"""),
]

ITEMS += [
dict(id="p01", ext="html", page="""
<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Category C lorry licence course | Carronbank Driver Training</title>
<meta name="description" content="Five-day Category C lorry course in Grangemouth.">
<style>
  body { font-family: Arial, sans-serif; margin: 0; color: #1d2a33; }
  nav a { margin-right: 1.2em; color: #0b5394; }
  table { border-collapse: collapse; }
  td, th { border: 1px solid #c8d0d6; padding: 6px 10px; }
</style>
<script>
  window.dataLayer = window.dataLayer || [];
  function track(e) { window.dataLayer.push({event: e}); }
</script>
</head>
<body>
<nav>
  <a href="/">Home</a>
  <a href="/lorry">Lorry courses</a>
  <a href="/bus">Bus and coach</a>
  <a href="/driver-cpc">Driver CPC</a>
  <a href="/contact">Contact</a>
</nav>
<main>
<h1>Category C lorry licence course</h1>
<img src="/img/yard-scania.jpg" alt="Our Scania training lorry in the Grangemouth yard">
<p>Our Category C course gets you ready to drive a rigid lorry on your own. You train in a dual-control Scania with one instructor and no more than two trainees, starting from our yard on Carron Dock Road.</p>
<h2>Before the course</h2>
<p>You need a car licence, a D4 medical and provisional Category C entitlement. If you have none of these yet, the Carronbank Starter Pack sorts them for you. We book the medical, help with the D2 form and book your theory tests.</p>
<h2>What it costs</h2>
<table>
  <tr><th>Item</th><th>Price</th></tr>
  <tr><td>Carronbank Starter Pack</td><td>£145</td></tr>
  <tr><td>Five-day Category C course, including Module 3a and 3b test fees</td><td>£1,395</td></tr>
  <tr><td>Extra practice hour</td><td>£65</td></tr>
</table>
<p>The prices above are the full prices. Test fees are included in the course price, and there is nothing else to pay on the day.</p>
<h2>When are you ready for the test?</h2>
<p>Your instructor books your test when you are ready, not before. Most trainees need the standard five days; some need a few extra hours, and your instructor tells you honestly if you do.</p>
<h2>Changing your mind</h2>
<p>You can cancel up to 48 hours before your course starts. If you do, we refund you in full within 14 days.</p>
<h2>Ask us a question</h2>
<p>We reply within 1 working day. You can also book and track every lesson in the CabTime app.</p>
<form action="/enquiry" method="post" onsubmit="track('enquiry')">
  <label>Your name <input name="name"></label>
  <label>Email <input name="email" type="email"></label>
  <label>Your question <textarea name="q"></textarea></label>
  <button type="submit">Send</button>
</form>
</main>
<footer><p>Carronbank Driver Training Ltd, Unit 4, Carron Dock Road, Grangemouth FK3 8XX. Registered in Scotland SC612904.</p></footer>
</body>
</html>
"""),

dict(id="p04", ext="md", page="""
---
title: Driver CPC periodic training
slug: driver-cpc
layout: course
description: Seven-hour Driver CPC courses in Grangemouth for lorry, bus and coach drivers.
updated: 2028-02-01
---

# Driver CPC periodic training

Every professional lorry, bus and coach driver needs 35 hours of Driver CPC training every five years to keep their Driver Qualification Card (DQC). We run seven-hour courses on Saturdays at our Grangemouth yard.

![Drivers in the Carronbank training room](/img/cpc-room.jpg)

## Courses this spring

| Course | Date | Price |
|---|---|---|
| Safe Loading and Load Security | Saturday 4 March 2028 | £95 |
| Drivers' Hours and Tachographs | Saturday 11 March 2028 | £95 |
| First Aid for Drivers | Saturday 1 April 2028 | £110 |

## How your hours are recorded

- We upload your hours to the DVSA within 5 working days of each course.
- You can check your running total on GOV.UK at any time.
- Employers booking five or more drivers get one invoice for the lot.

## Booking

Book a place in the [CabTime app](https://cabtime.example/cpc) or phone the office on 01324 555 084. We reply to emails within 1 working day.

Lunch is on us. Bring your photocard licence and your DQC.
"""),
]
