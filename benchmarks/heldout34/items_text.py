# Texts of the heldout34 emails. Every sentence here was written for this set.
# Each email: id, brand, frm, to, subject, date, fmt (plain|alt|html), cte, charset, wrap, crlf, body, sig, footer,
# quote (style, date, sender, text[, subject]), attach, ns (missing_next_step), spans [(category, text)].

BRANDS = {
    "sinhagiri": {"tz": (5, 30), "us_dates": False, "domain": "sinhagiri.lk",
                  "footer": "This e-mail and any attachment are confidential and intended only for the addressee. "
                            "If you received it by mistake, please tell the sender and delete it. Sinhagiri Cricket "
                            "Academy (Pvt) Ltd, PV 00231547, 41/3 Havelock Road, Colombo 05, Sri Lanka."},
    "flambeau": {"tz": (-4, 0), "us_dates": True, "domain": "flambeaumas.tt",
                 "footer": "PRIVACY NOTE: This message and any attachment are meant only for the person it was sent "
                           "to. If it reached you by mistake, please let us know and delete it. Flambeau Mas Ltd, "
                           "18 Luis Street, Woodbrook, Port of Spain, Trinidad and Tobago."},
    "shalimar": {"tz": (5, 0), "us_dates": False, "domain": "shalimardrapes.pk",
                 "footer": "Disclaimer: This email and any files sent with it are confidential and intended solely "
                           "for the addressee. If you have received it in error, kindly inform the sender and delete "
                           "it. Shalimar Upholstery & Drapes (Pvt.) Ltd, 92-B Main Boulevard, Gulberg III, Lahore. "
                           "NTN 7788123-4."},
}

RUWAN = ("Ruwan Abeykoon", "ruwan.abeykoon@sinhagiri.lk")
DILANI = ("Dilani Wickramasinghe", "dilani.w@sinhagiri.lk")
KASUN = ("Kasun Liyanage", "kasun.liyanage@sinhagiri.lk")
THARINDU = ("Tharindu Gunawardena", "tharindu.g@sinhagiri.lk")
NADEESHA = ("Nadeesha Fernando", "frontoffice@sinhagiri.lk")

KERRY = ("Kerry-Ann Baptiste", "care@flambeaumas.tt")
MARLON = ("Marlon Joseph", "marlon.joseph@flambeaumas.tt")
GISELLE = ("Giselle Ramdass", "accounts@flambeaumas.tt")
MARCIA = ("Marcia Lezama", "firefly@flambeaumas.tt")

MEHREEN = ("Mehreen Akhtar", "care@shalimardrapes.pk")
USMAN = ("Usman Qureshi", "usman.qureshi@shalimardrapes.pk")
BILAL = ("Bilal Rafiq", "workshop@shalimardrapes.pk")
FAISAL = ("Faisal Chaudhry", "islamabad@shalimardrapes.pk")
WAQAS = ("Waqas Anjum", "fabriccare@shalimardrapes.pk")

FAKE_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
LAYAWAY_CSV = (b"date,description,amount_ttd\n2027-10-30,Lay-Away deposit and instalment 1,1100.00\n"
               b"2027-11-30,Lay-Away instalment 2,1100.00\n2027-12-31,Lay-Away instalment 3,1100.00\n"
               b"2028-01-31,Balance due,1250.00\n")

EMAILS = []

# ---------------------------------------------------------------- Sinhagiri Cricket Academy (Sri Lankan English)
EMAILS += [
dict(id="e001", brand="sinhagiri", frm=RUWAN, to=("Shiromi Dissanayake", "shiromi.dissanayake@example.com"),
     subject="Re: Yesterday's one-to-one session", date="2027-06-08 10:20", fmt="alt",
     body="""Dear Mrs. Dissanayake,

I am very sorry about yesterday. Kavindu came to Havelock Town for his 4 pm one-to-one and I was not there, and nobody at the front desk told you or him. That was my fault. My father was admitted to hospital at lunchtime and I left in a hurry without asking Nadeesha to call the parents on my list.

Kavindu waited forty minutes in the heat, and I know he had moved his maths tuition class to come. Please tell him I am sorry too.

I have done two things this morning. First, I have credited yesterday's session back to your Academy Pass, so you have not paid for it. Second, I have kept Thursday, 10 June at 4 pm for him, with an extra half hour at no charge. If Thursday clashes with his tuition, reply with a day that suits you and I will confirm a new slot the same day.

From today, Nadeesha keeps a copy of my list, so parents hear from the desk straight away if a coach is called away.

Thank you for telling me directly. My father is stable now, and I will see Kavindu on Thursday.

Ruwan""",
     sig=("dash", "Ruwan Abeykoon\nHead Coach, Havelock Town | Sinhagiri Cricket Academy\n+94 77 555 0142"),
     footer=True,
     quote=("gmail", "2027-06-07 18:47", ("Shiromi Dissanayake", "shiromi.dissanayake@example.com"),
            """Coach Ruwan,

My son waited for FORTY MINUTES today at the nets and nobody came. No call, no message. He had moved his maths tuition for this. This is not acceptable for what we pay every month!!

Shiromi Dissanayake"""),
     spans=[]),

dict(id="e002", brand="sinhagiri", frm=DILANI, to=("Fazil Marikar", "fazil.marikar@example.net"),
     subject="Re: U13 squad selection", date="2027-06-11 15:05", wrap=True,
     body="""Dear Mr. Marikar,

Thank you for writing, and I can see how much this matters to Zaid and to you. His attendance since January has been excellent, and all three coaches have noticed it.

I understand you feel he was 'overlooked', but the squad was picked on the two trial matches in May. Zaid did not have his best games on those two days. Selection is selection, and the squad for this tournament will not change.

What I can offer is this. Zaid trains with the squad on Tuesdays and Thursdays as a reserve, and we will try to give him more time in the middle next term. Please bring him on Saturday, 12 June at 7.30 am for the reserves' practice match at Havelock Town.

Kind regards,
Dilani""",
     sig=("dash", "Dilani Wickramasinghe\nAcademy Manager | Sinhagiri Cricket Academy\n+94 11 555 0101"),
     quote=("gmail", "2027-06-10 21:32", ("Fazil Marikar", "fazil.marikar@example.net"),
            """Dear Ms. Dilani,

I was very disappointed to see that Zaid was not picked for the U13 squad for the Colombo inter-academy tournament. He has attended every single session since January. I feel he was overlooked because he is quiet, and frankly the selection seems to favour the coaches' favourites. Can you please explain?

Fazil Marikar"""),
     spans=[("sarcasm", "he was 'overlooked'"),
            ("defensive", "Selection is selection"),
            ("commitment", "we will try to give him more time in the middle next term")]),

dict(id="e003", brand="sinhagiri", frm=KASUN, to=("Priyanka Seneviratne", "dr.priyanka.s@example.org"),
     subject="RE: Can Methum join the U13 hard-ball nets?", date="2027-06-16 08:40",
     charset="us-ascii", cte="7bit",
     body="""Dear Dr. Seneviratne,

Thank you for asking before sending him, and it is lovely to hear that Methum is so keen.

I'm afraid the answer is no for now. Players under 11 do not bat or bowl with the hard ball in the U13 nets. I apply that rule to every family, including my own nephew. A hard ball from a 13-year-old bowler is a different thing from a tennis ball, even for a tall boy. A helmet does not make up for the difference in age.

Here is what I can do instead. From Saturday, 19 June, Methum can stay on after the U11 session for an extra 30 minutes of leather-ball bowling with me. He bowls at a single stump in the end lane, and nobody bats. There is no extra fee for this. He moves up to the U13 group when he turns 11 in March. I will go through his bowling with you in the first week of March.

Please send him with his own water bottle and a cap on Saturday. The extra session finishes at 10.30 am.""",
     sig=("block", "Best regards,\nKasun Liyanage\nHead Coach, Katugastota Centre\nSinhagiri Cricket Academy\n+94 81 555 0177"),
     quote=("outlook", "2027-06-15 19:05", ("Priyanka Seneviratne", "dr.priyanka.s@example.org"),
            """Dear Coach Kasun,

Methum is only 9 but he is bowling really well with the tennis ball and he gets bored in the U11 group. Could he not join the U13 hard-ball nets on Saturdays? He is tall for his age. We will take responsibility.

Regards,
Dr. Priyanka Seneviratne"""),
     spans=[]),

dict(id="e004", brand="sinhagiri", frm=NADEESHA, to=("Farah Cassim", "farah.cassim@example.com"),
     subject="Re: Refund for holiday camp - Ilham has dengue", date="2027-06-21 11:15", fmt="alt",
     body="""Dear Mrs. Cassim,

So sorry to hear that Ilham has dengue. We hope he is resting well and that the fever has come down.

We're sorry if the camp rules seemed strict when you called on Saturday. Camp fees are normally not refundable once the camp has started. A medical certificate changes that, and the coaches agree that Ilham should get his money back. The certificate you attached is enough for us to approve it.

Your refund will be processed after the accounts office reopens. Refunds normally take up to 21 days to reach your account.

Wishing Ilham a speedy recovery. We look forward to seeing him back at the nets when the doctor says he is ready.

Kind regards,
Nadeesha""",
     sig=("dash", "Nadeesha Fernando\nFront Office, Havelock Town\nSinhagiri Cricket Academy\n+94 11 555 0190"),
     footer=True,
     quote=("gmail", "2027-06-19 09:48", ("Farah Cassim", "farah.cassim@example.com"),
            """Dear Sir/Madam,

Ilham was diagnosed with dengue on Friday and the doctor says no sport for at least three weeks. He will miss the whole mid-year holiday camp (Rs. 24,000 paid). Please refund. Medical certificate attached.

Regards,
Farah Cassim"""),
     ns=True,
     spans=[("defensive", "We're sorry if the camp rules seemed strict"),
            ("commitment", "Your refund will be processed after the accounts office reopens."),
            ("brand", "Refunds normally take up to 21 days")]),

dict(id="e005", brand="sinhagiri", frm=THARINDU, to=("Chaminda Ratnayake", "chaminda.r@example.net"),
     subject="Re: Tharushi's fifty", date="2027-06-22 19:30", cte="8bit",
     body="""Dear Mr. Ratnayake,

What wonderful news, well done to Tharushi!

Please tell her the sweep shot is hers. I only showed it to her; she is the one who practised it in the nets every Saturday since March, even on the wet mornings. A first fifty against a strong Kandy side is something she will remember for a long time.

If you have a photo of the scorebook page, I would love to put it on the notice board at Havelock Town, with your permission. Just send it to this address.

See you both on Saturday at 7.30 am. I will have a new drill ready for her: the same sweep, against the spinner's quicker ball.""",
     sig=("block", "Warm regards,\nTharindu\n\nTharindu Gunawardena\nCoach, Havelock Town\nSinhagiri Cricket Academy"),
     quote=("gmail", "2027-06-22 13:10", ("Chaminda Ratnayake", "chaminda.r@example.net"),
            """Coach, just wanted to tell you Tharushi scored 52 not out for her school yesterday in Kandy. Her first fifty! She says it was the sweep you taught her. Thank you so much.

Chaminda"""),
     spans=[]),

dict(id="e006", brand="sinhagiri", frm=RUWAN, to=("Niroshan Peiris", "niroshan.peiris@example.org"),
     subject="Re: Dinuka's bowling action", date="2027-06-24 21:10",
     body="""Dear Mr. Peiris,

Thanks for writing, and I'm sorry Dinuka came home upset. That was not the aim. From now on I talk to him about changes on the side, not in front of the group.

It's always a privilege to get coaching tips from a Big Match veteran. On the action itself, though, bowling is a bit more technical than it looks from the boundary. His back foot lands side-on and his front foot lands open, and that twist puts the strain on his lower back. At 14, that is the kind of thing that ends in a stress fracture.

He is NOT being singled out. Four other boys in the group are working on the same thing.

I have his BowlTrack clips from last Saturday. I will go through them with you and Dinuka at 8 am this Saturday, 26 June, before the session. Then you can see exactly what I see.

Ruwan""",
     sig=("dash", "Ruwan Abeykoon\nHead Coach, Havelock Town | Sinhagiri Cricket Academy\n+94 77 555 0142"),
     quote=("gmail", "2027-06-24 18:02", ("Niroshan Peiris", "niroshan.peiris@example.org"),
            """Coach Ruwan,

Dinuka came home upset again. He says you made him change his run-up in front of the whole group and told him his action is wrong. I played in the Big Match for my school in 1994 and opened the bowling for three years with the same kind of action, so I know a thing or two about bowling. I don't think he needs to change anything. He is being singled out.

Niroshan Peiris"""),
     spans=[("sarcasm", "It's always a privilege to get coaching tips from a Big Match veteran."),
            ("defensive", "bowling is a bit more technical than it looks from the boundary"),
            ("defensive", "He is NOT being singled out.")]),

dict(id="e007", brand="sinhagiri", frm=KASUN, to=("Katugastota U13 and U15 parents", "kandy-parents@sinhagiri.lk"),
     subject="Rain and the Katugastota nets this week", date="2027-06-28 07:15", fmt="alt",
     body="""Dear parents,

The Department of Meteorology has issued a heavy rain warning for the Kandy district until Wednesday, and the ground at Katugastota is already waterlogged. The outdoor nets are closed today and tomorrow.

The indoor lane is dry, so Tuesday's U15 session goes ahead indoors from 4 pm to 5.30 pm, in two groups of eight. Coach Sampath will send the group lists by 6 pm today.

The forecast says the rain will ease by Thursday, but forecasts in Kandy change quickly. I will check the ground myself on Wednesday afternoon and message every parent by 6 pm on Wednesday with the plan for Thursday's U13 session.

Please do not send players to the outdoor nets until you hear from me. If the indoor time clashes with your child's tuition, reply to this email and Nadeesha will move the session on SinhaBook the same day.

Thank you for bearing with the weather.

Kasun Liyanage
Head Coach, Katugastota Centre""",
     footer=True,
     spans=[]),

dict(id="e008", brand="sinhagiri", frm=NADEESHA, to=("Ayesha Hameed", "ayesha.hameed@example.com"),
     subject="Re: How do I book extra nets on the app?", date="2027-06-30 12:05",
     body="""Dear Ms. Hameed,

Welcome to Sinhagiri, and thank you for asking.

To book an extra net session, open SinhaBook, tap Net Sessions at the bottom of the screen, pick Havelock Town and choose a slot. Slots in green are open. You can simply tap the slot and then Confirm, and the booking appears under My Bookings straight away.

Extra net sessions are included in your son's Academy Pass up to four a month, so you do not pay separately. From the fifth session it is Rs. 1,500 a session, and the app shows the price before you confirm.

I also checked your account this morning: your card details and your son's profile are set up correctly. There is nothing else you need to do before his first session.""",
     sig=("block", "Kind regards,\nNadeesha Fernando\nFront Office, Havelock Town\nSinhagiri Cricket Academy\n+94 11 555 0190"),
     quote=("gmail", "2027-06-29 22:14", ("Ayesha Hameed", "ayesha.hameed@example.com"),
            """Hi, we just joined last week. How do I book an extra net session for my son on the app? I can't find it. Also do I need to pay separately?

Thanks,
Ayesha"""),
     spans=[]),

dict(id="e009", brand="sinhagiri", frm=KASUN, to=("Rasika Jayawardena", "rasika.jayawardena@example.net"),
     subject="Re: A girls' U15 squad at Kandy?", date="2027-07-02 16:40",
     body="""Dear Mrs. Jayawardena,

Thank you for your email, and please tell Sanduni that we are very glad she wants to keep playing. She has been a steady, hard-working member of the U13 group for two seasons.

Our website has always said that the Katugastota U15 squad is for boys, so this should not come as a surprise. The girls' squad in Colombo started because sixteen girls asked for it; in Kandy we have had four so far.

We'll look at starting a girls' squad in Kandy at some point. Until then Sanduni can keep her one-to-one sessions with Coach Sampath. The Colombo girls' squad is also open to her on Saturdays if the travel works for your family.

Let me know if you have any other questions.

Best regards,
Kasun Liyanage""",
     sig=("block", "Head Coach, Katugastota Centre\nSinhagiri Cricket Academy\n+94 81 555 0177"),
     footer=True,
     quote=("gmail", "2027-07-01 20:26", ("Rasika Jayawardena", "rasika.jayawardena@example.net"),
            """Dear Coach Kasun,

My daughter Sanduni is 14 and has been in your U13 mixed group for two years. Now she is moving up and there is only a boys' U15 squad at Katugastota. Colombo has a girls' squad, no? Why not Kandy? She does not want to give up cricket.

Rasika"""),
     ns=True,
     spans=[("defensive", "Our website has always said that the Katugastota U15 squad is for boys, so this should not come as a surprise."),
            ("commitment", "We'll look at starting a girls' squad in Kandy at some point.")]),

dict(id="e010", brand="sinhagiri", frm=DILANI, to=("Havelock Town U15 parents", "u15-parents@sinhagiri.lk"),
     subject="Fwd: U15 six-a-side festival at Wellawatte Central College", date="2027-07-05 09:30",
     body="""Dear U15 parents,

Below is a letter from the cricket master at Wellawatte Central College about their U15 six-a-side festival on Saturday, 24 July. They have invited two Sinhagiri teams.

The college says the fixtures will be out next week and that every team plays at least three games. Their letter also asks parents to watch from the pavilion and not from the boundary rope.

If your son wants to play, please reply to this email by Friday, 9 July. Coach Tharindu will pick the two teams and send the list to every family on Monday, 12 July. The festival is free for our players; the academy pays the entry fee.

Thank you,
Dilani""",
     sig=("dash", "Dilani Wickramasinghe\nAcademy Manager | Sinhagiri Cricket Academy\n+94 11 555 0101"),
     quote=("fwd", "2027-07-03 11:42", ("H. M. Bandara", "cricket@wellawattecentral.example.org"),
            """Dear Ms. Wickramasinghe,

We are pleased to invite two teams from your academy to our annual U15 six-a-side festival on Saturday, 24 July 2027, from 8.00 a.m. at the college grounds.

Fixtures will be circulated in due course. Kindly note that parents are requested to remain in the pavilion area. Refreshments will be provided to all players.

Kindly confirm your participation at your earliest convenience.

Yours sincerely,
H. M. Bandara
Master-in-Charge of Cricket
Wellawatte Central College""",
            "U15 six-a-side festival - invitation"),
     spans=[]),

dict(id="e011", brand="sinhagiri", frm=NADEESHA, to=("Anura Kodituwakku", "anura.kodi@example.com"),
     subject="Re: Charged twice for the Academy Pass", date="2027-07-06 14:20", fmt="alt",
     body="""Dear Mr. Kodituwakku,

Thank you for letting us know, and I'm sorry for the trouble.

I have checked your account. As mentioned in our welcome email, the booking app places a temporary hold when a card payment is retried. Some banks show that hold as a second charge. In your case, though, the second charge really did go through, so this one is our mistake.

I asked our bank this afternoon to reverse the second Rs. 12,500. I will email you the reversal reference by 5 pm on Thursday, 8 July. Your card company then takes three to five working days to show the money on your statement.

Kind regards,
Nadeesha""",
     sig=("dash", "Nadeesha Fernando\nFront Office, Havelock Town\nSinhagiri Cricket Academy\n+94 11 555 0190"),
     footer=True,
     quote=("gmail", "2027-07-06 08:51", ("Anura Kodituwakku", "anura.kodi@example.com"),
            """Hello,

I was charged twice for July's Academy Pass (Rs. 12,500 x 2) on the app. Second time this year. Please sort it out.

Anura K."""),
     spans=[("defensive", "As mentioned in our welcome email"),
            ("brand", "booking app")]),

dict(id="e012", brand="sinhagiri", frm=RUWAN, to=("Lalith Samarasekara", "lalith.samarasekara@example.org"),
     subject="RE: Pasindu's back", date="2027-07-08 18:00",
     body="""Dear Mr. Samarasekara,

Thank you for telling me straight away. That is exactly the right thing to do with a fast bowler's back.

Pasindu is on batting and fielding only until a physiotherapist has seen him. I know the school trials on the 20th matter to him, and I understand why he wants to keep bowling. But a sore lower back in a 15-year-old quick bowler needs checking before he bowls again, not after.

Our physiotherapist, Ms. Harshani Perera, is at Havelock Town on Saturday mornings. I have booked Pasindu in with her at 9 am this Saturday, 10 July, at no charge. Please bring the school trial dates and any notes from your family doctor if he has seen one.

I will call you at 5 pm tomorrow to go through the plan before Saturday.""",
     sig=("block", "Best regards,\nRuwan Abeykoon\nHead Coach, Havelock Town\nSinhagiri Cricket Academy"),
     footer=True,
     quote=("outlook", "2027-07-08 07:55", ("Lalith Samarasekara", "lalith.samarasekara@example.org"),
            """Coach,

Pasindu says his lower back is sore after bowling. He has the school trials on the 20th and wants to keep bowling at nets this week. Is it ok if he just bowls a few overs?

Lalith"""),
     spans=[]),

dict(id="e013", brand="sinhagiri", frm=THARINDU, to=("Ishan Wijeratne", "ishan.wijeratne@example.net"),
     subject="Re: BowlTrack video report still not received", date="2027-07-12 17:45", wrap=True,
     charset="us-ascii", cte="7bit",
     body="""Dear Mr. Wijeratne,

Thanks for the gentle reminders, all four of them. You are right that the report is late. The clips from 3 July were uploaded, but the written report never went out, and I should have checked.

I'll send the full report across shortly, with the Bowltrack clips of her last two overs and my notes on her wrist position.

Senuri's seam position has improved a lot since June, and the clips show it clearly. Please go through them with her before Saturday's session and bring along any questions you both have.""",
     sig=("block", "Best regards,\nTharindu Gunawardena\nCoach, Havelock Town\nSinhagiri Cricket Academy"),
     quote=("gmail", "2027-07-12 08:02", ("Ishan Wijeratne", "ishan.wijeratne@example.net"),
            """Coach Tharindu, I know you are all very busy, but this is my fourth email about Senuri's BowlTrack video report from the session on the 3rd. The app still says "processing". Could someone please check?

Ishan

On Thu, 8 Jul 2027 at 19:15, Ishan Wijeratne <ishan.wijeratne@example.net> wrote:
> Hello again, any news on the video report?"""),
     spans=[("sarcasm", "Thanks for the gentle reminders, all four of them."),
            ("commitment", "I'll send the full report across shortly"),
            ("brand", "Bowltrack")]),

dict(id="e014", brand="sinhagiri", frm=DILANI, to=("Pradeep Karunaratne", "pradeep.k@example.com"),
     subject="Welcome to Sinhagiri - Oshadha's first session on Saturday", date="2027-07-13 10:00",
     fmt="alt", cte="base64",
     body="""Dear Mr. Karunaratne,

Thank you for choosing Sinhagiri for Oshadha, and welcome to the academy.

Your Academy Pass for the U11 group is active from today. The monthly fee of Rs. 12,500 is paid, and your receipt number is SCA-2027-04418.

Oshadha's first session is on Saturday, 17 July, from 7.30 am to 9.30 am at Havelock Town. Coach Tharindu will meet him at the gate at 7.20 am and introduce him to the group.

Please bring:

- white kit or any comfortable sports clothes
- a water bottle with his name on it
- his own abdominal guard

Helmets, pads and gloves are provided for the first month. On his fourth Saturday, Coach Tharindu will give you a short list of what to buy and what can wait.

If you have any questions before Saturday, reply to this email and I will answer the same day.

Kind regards,
Dilani Wickramasinghe
Academy Manager""",
     footer=True,
     spans=[]),

dict(id="e015", brand="sinhagiri", frm=DILANI, to=("Suresh Ponnambalam", "s.ponnambalam@example.org"),
     subject="RE: Parking on Saturday mornings", date="2027-07-14 13:30",
     charset="us-ascii", cte="7bit", crlf=True,
     body="""Dear Mr. Ponnambalam,

Thank you for raising this, and I am very sorry your daughter had such a fright last Saturday. You are right that the lane is not safe at 7.30 am, and we should have dealt with it before now.

The lane belongs to the school next door, so we cannot stop cars from entering it. What we can control is our own gate. From this Saturday, 17 July, we are opening the back gate on Elvitigala Mawatha as a drop-off point. Two of our staff in orange bibs will be there from 7.15 am to 8 am to walk children in.

We have also written to the school's principal to ask whether parents may use the school car park on Saturday mornings. She has told us the school board will decide on 22 July, and I will send every family the answer on Friday, 23 July.

You do not need to do anything. The staff at the back gate will have the names of all U11 and U13 players.""",
     sig=("block", "Kind regards,\nDilani Wickramasinghe\nAcademy Manager\nSinhagiri Cricket Academy"),
     quote=("rule", "2027-07-12 06:58", ("S. Ponnambalam", "s.ponnambalam@example.org"),
            """Dear Madam,

Every Saturday the lane outside the Havelock Town nets is blocked by parents' cars and I have to park on the main road and walk my two children in. Last week a three-wheeler nearly hit my daughter. Something has to be done.

S. Ponnambalam"""),
     spans=[]),
]

# ---------------------------------------------------------------- Flambeau Mas (Trinidad and Tobago English)
EMAILS += [
dict(id="e016", brand="flambeau", frm=KERRY, to=("Shivani Maharaj", "shivani.maharaj@example.com"),
     subject="You're registered! Flambeau 2028 - Firefly (Midline)", date="2028-01-10 10:05", fmt="alt",
     body="""Hi Shivani,

Welcome to Flambeau 2028, you're officially in the band! \U0001F389

Here is what you registered for:

- Section: Firefly (Midline), female costume, size M top and M bottom
- Package: All-Inclusive Package, Carnival Monday and Tuesday (28 and 29 February)
- Paid: TT$6,450 of TT$6,450, so you are paid in full

Your MasPass is now active. Open the MasPass app and log in with this email address; your QR code is under My Band. Please bring that code and a photo ID to Costume Collection.

Costume Collection is at the mas camp, 18 Luis Street, Woodbrook, from Saturday 19 to Wednesday 23 February, 10 am to 8 pm. Your section leader, Marcia, will text you on Monday 14 February with your time slot.

If anything in the list above is wrong, reply to this email and I'll correct it within 24 hours.

See you on the road,
Kerry-Ann""",
     sig=("dash", "Kerry-Ann Baptiste\nMasquerader Care | Flambeau Mas\n+1 868 555 0123"),
     footer=True,
     spans=[]),

dict(id="e017", brand="flambeau", frm=KERRY, to=("Renee Charles", "renee.charles@example.net"),
     subject="Re: Top too small!!", date="2028-02-20 19:50",
     body="""Hi Renée,

I'm sorry the top doesn't fit. I know how much you've been looking forward to Monday and Tuesday, and a costume that pinches all day would spoil it.

I checked your registration form and it says medium for the top, which is what the camp made, so the mix-up didn't start on our side. Either way, you need a top that fits, and that is the priority now.

Please bring the top back to the mas camp on Luis Street before 8 pm on Tuesday so the seamstresses can see it on you. I'll call you just now to find out which time suits you.

Kerry-Ann""",
     sig=("dash", "Kerry-Ann Baptiste\nMasquerader Care | Flambeau Mas\n+1 868 555 0123"),
     quote=("gmail", "2028-02-20 15:12", ("Renee Charles", "renee.charles@example.net"),
            """Kerry-Ann, I collected my costume today and the top is WAY too small, I can't even close it. I ordered a large. I'm not paying TT$7,000 to be uncomfortable on the road for two days. What are you going to do?

Renée"""),
     spans=[("defensive", "so the mix-up didn't start on our side"),
            ("commitment", "I'll call you just now")]),

dict(id="e018", brand="flambeau", frm=MARLON, to=("Akeem Mohammed", "akeem.mohammed@example.org"),
     subject="RE: Wrong colour on my costume!!!", date="2028-02-21 11:30", fmt="alt",
     body="""Hi Akeem,

You're right, and I'm sorry. Your headpiece and shoulder pieces should be gold like the rest of Inferno. One batch of sequin trim came in orange from our supplier, and we didn't catch it on the ten pieces made from that batch. That check was our job.

The gold trim arrived this morning. Our wire-bending team is remaking your two pieces today, and they will be ready for you at the mas camp from 2 pm on Friday, 25 February. Bring the orange pieces with you and we'll swap them at the counter; it takes five minutes.

If Friday doesn't work, tell me a day and time before Sunday and I'll have someone meet you at the camp then.

Sorry again for the fright, a week before the road. You'll look right in the section on Monday.

Marlon""",
     sig=("dash", "Marlon Joseph\nMas Camp Manager | Flambeau Mas\n+1 868 555 0131"),
     footer=True,
     quote=("outlook", "2028-02-20 18:44", ("Akeem Mohammed", "akeem.mohammed@example.org"),
            """I just collected and my headpiece and shoulder pieces are ORANGE. Everybody else in Inferno has GOLD. I paid for gold like the picture on the website!!! This is not what I signed up for.

Akeem"""),
     spans=[]),

dict(id="e019", brand="flambeau", frm=KERRY, to=("Sean Gomez", "sean.gomez@example.com"),
     subject="Re: Moving to Frontline", date="2028-02-15 09:40",
     body="""Hi Sean,

I get it, playing mas next to your girlfriend is half the fun.

Sure, we'll just whip up one more Frontline costume in the next two weeks, no problem at all. Seriously though, Frontline closed on 15 December, as we said in three separate emails. The wire and feathers for every Frontline piece are ordered by then, and the costume makers are full until Carnival.

What I can do is this. Frontline and Backline in Inferno play side by side on the road, so the two of you can be together all day. I'll try to find you a spot in the Midline, which is closer to Frontline, if anybody drops out. Reply by Friday if you want your name on that list.

Kerry-Ann""",
     sig=("dash", "Kerry-Ann Baptiste\nMasquerader Care | Flambeau Mas\n+1 868 555 0123"),
     quote=("gmail", "2028-02-14 22:31", ("Sean Gomez", "sean.gomez@example.com"),
            """Hi, I KNOW it's late but I really want to move from Backline to Frontline in Inferno. My girlfriend is Frontline and we want to play mas together. Surely allyuh could make ONE more costume, it have two weeks still. I'll pay the difference.

Sean"""),
     spans=[("sarcasm", "Sure, we'll just whip up one more Frontline costume in the next two weeks, no problem at all."),
            ("defensive", "as we said in three separate emails"),
            ("commitment", "I'll try to find you a spot in the Midline")]),

dict(id="e020", brand="flambeau", frm=KERRY, to=("Natalie Ali-Cumberbatch", "natalie.ac@example.net"),
     subject="Re: Can my daughter come on the road?", date="2028-01-26 14:10",
     charset="us-ascii", cte="7bit",
     body="""Good afternoon Natalie,

Thank you for asking first, and I can hear how much she wants to come.

I'm sorry to say no to this one. The All-Inclusive Package is for masqueraders aged 18 and over, because it includes the bar truck and the band's insurance on the road covers adults only. The rule is the same for every family in the band, including our own staff's children.

There are two ways she can still be part of Flambeau 2028:

- Our Flambeau Juniors section plays at the Junior Parade of the Bands on Saturday, 19 February, with costumes for ages 5 to 17 at TT$1,200. She would be with friends her age, and the route is shorter.
- She can help our decorators glue and stone the headpieces at the mas camp during Costume Collection week. A lot of our young people love it.

If she would like a Juniors costume, please send me her size by Friday, 4 February, and I'll hold one for her.""",
     sig=("block", "Kerry-Ann Baptiste\nMasquerader Care | Flambeau Mas\n+1 868 555 0123"),
     quote=("gmail", "2028-01-25 16:52", ("Natalie Ali-Cumberbatch", "natalie.ac@example.net"),
            """Good afternoon,

My daughter turns 16 in March and she is dying to play mas with me this year. Can I add her to my All-Inclusive Package? She is very responsible and I will be with her the whole time.

Natalie"""),
     spans=[]),

dict(id="e021", brand="flambeau", frm=MARLON, to=("Tricia Lewis", "tricia.lewis@example.com"),
     subject="Re: No water on Monday", date="2028-03-02 10:15", fmt="alt",
     body="""Hi Tricia,

Thank you for six years with Flambeau, and for writing to me directly about Monday.

We're sorry you felt the water wasn't reaching the back of the band. The drinks truck was held at the Green Corner crossing for close to three hours due to circumstances beyond our control. The crew did their best with the coolers they could carry.

The back sections had a hard afternoon, and it will be done better next year.

Hope you still enjoyed Tuesday!

Marlon""",
     sig=("dash", "Marlon Joseph\nMas Camp Manager | Flambeau Mas\n+1 868 555 0131"),
     footer=True,
     quote=("gmail", "2028-03-01 21:07", ("Tricia Lewis", "tricia.lewis@example.com"),
            """Marlon, I have been playing with Flambeau for six years and Monday was the worst I've seen. From about 1 pm to 4 pm there was no water at the back of the band, people were fainting in that heat and when we asked the crew they said the truck was "stuck". We paid for All-Inclusive. Not happy at all.

Tricia"""),
     ns=True,
     spans=[("defensive", "We're sorry you felt the water wasn't reaching the back of the band."),
            ("brand", "due to circumstances beyond our control"),
            ("defensive", "due to circumstances beyond our control"),
            ("commitment", "it will be done better next year")]),

dict(id="e022", brand="flambeau", frm=KERRY, to=("Flambeau 2028 masqueraders", "band@flambeaumas.tt"),
     subject="Fwd: Carnival Tuesday route change - Ariapita Avenue", date="2028-02-25 17:20",
     body="""Hi everyone,

Below is a notice from the route committee. On Tuesday they are closing one stretch of Ariapita Avenue for road repairs, so every band will go down Tragarete Road instead between 11 am and 2 pm.

For us, nothing changes in the morning. We still meet at the mas camp at 7 am on Tuesday. The committee has given us a stage slot of 12.30 pm at the Savannah. They expect the judging points to run about 30 minutes late, as they usually do on Tuesday.

On Tuesday your section leader will hold up the Flambeau flag at the Tragarete Road corner. Please follow the flag and not the band in front of us.

Nothing else is needed from you. Your MasPass, your costume and your water bottle are all you need.

See you on the road,
Kerry-Ann""",
     sig=("dash", "Kerry-Ann Baptiste\nMasquerader Care | Flambeau Mas\n+1 868 555 0123"),
     quote=("fwd", "2028-02-25 14:05", ("Route Desk", "routes@portofspain-carnival.example.org"),
            """To all band leaders,

Please be advised that Ariapita Avenue between Murray Street and Luis Street will be closed on Carnival Tuesday for emergency road works. Bands will be diverted along Tragarete Road between 11:00 a.m. and 2:00 p.m.

Revised timings for the judging points will be circulated shortly. Band leaders are reminded to keep to their allocated stage slots.

Route Desk
Port of Spain Carnival Route Committee""",
            "Carnival Tuesday diversion - Ariapita Avenue"),
     spans=[]),

dict(id="e023", brand="flambeau", frm=GISELLE, to=("Keisha Thomas", "keisha.thomas@example.org"),
     subject="Re: Cancelling - pregnant!", date="2028-01-18 11:00", wrap=True,
     body="""Hi Keisha,

Congratulations, that's wonderful news, and thank you for letting us know so early.

You've cancelled more than 30 days before Carnival. That means you get a full refund of TT$5,200. I'm sending it to the account you paid from on Wednesday, 19 January, and refunds reach your account within 10 working days of that.

Your MasPass and your place in Fireworks Backline are cancelled from today, so you won't get any more reminder texts from us. There is nothing else you need to do.

Take care of yourself, and we hope to see you and the little one at the mas camp for 2029.

Giselle""",
     sig=("block", "Giselle Ramdass\nAccounts | Flambeau Mas\n+1 868 555 0148"),
     footer=True,
     quote=("gmail", "2028-01-17 20:40", ("Keisha Thomas", "keisha.thomas@example.org"),
            """Hi Giselle, some happy news, I'm pregnant and the doctor says no mas for me this year, so I need to cancel my Backline costume. I paid the full TT$5,200. Am I able to get a refund?

Keisha"""),
     spans=[]),

dict(id="e024", brand="flambeau", frm=KERRY, to=("Ryan Persad", "ryan.persad@example.com"),
     subject="Re: Big up the road crew", date="2028-03-03 09:10", cte="8bit",
     body="""Hi Ryan,

Thank you for this, it made our morning. The man you mean is Kwame, and he has been on our road crew for eight years. I read your email to him over the phone, and he was very pleased to hear your friend is fine.

We'll be sharing your message with the whole crew at our thank-you lime on Sunday, because that kind of care is exactly what we want on the road.

Our photographers are uploading the Monday and Tuesday photos to the MasPass app, and the first 2,000 will be there by 6 pm today. No tabanca allowed! \U0001F604

Kerry-Ann""",
     sig=("dash", "Kerry-Ann Baptiste\nMasquerader Care | Flambeau Mas\n+1 868 555 0123"),
     quote=("gmail", "2028-03-02 19:26", ("Ryan Persad", "ryan.persad@example.com"),
            """Kerry-Ann, I just want to say big up to the road crew, especially the guy with the dreads on the water truck on Tuesday. When my friend got dizzy near the Savannah he sat her down, got her ice and stayed with her till first aid came. Real class.

Ryan"""),
     spans=[]),

dict(id="e025", brand="flambeau", frm=MARLON, to=("Dana-Marie Alexis", "danamarie.alexis@example.net"),
     subject="RE: Locked out of my section on Monday", date="2028-03-01 13:40",
     body="""Dear Dana-Marie,

I'm sorry you spent the first hour of Monday outside the rope. That is not how anybody's Carnival should start, least of all after a flight from New York.

I've looked into what happened. Your wristband was linked to your old phone number, and the app asked everyone to install the update by Sunday night. If you had updated the Mas Pass app before Monday like the text said, the wristband would have scanned first time.

Thanks for the detailed review of our security team \U0001F644. They were following the rule that nobody enters the rope without a scan, which is there to keep every masquerader safe.

I have refunded the TT$450 Monday drinks portion of your package to your card today as a gesture of goodwill.

Marlon""",
     sig=("block", "Marlon Joseph\nMas Camp Manager | Flambeau Mas\n+1 868 555 0131"),
     footer=True,
     quote=("outlook", "2028-02-29 23:58", ("Dana-Marie Alexis", "danamarie.alexis@example.net"),
            """Marlon,

I flew in from New York for this. On Monday morning your security would not let me into the Firefly section because my wristband 'wasn't scanning'. I stood outside the rope for almost an hour in full costume while they argued on the radio. Your security team was rude and clueless. I want part of my money back.

Dana-Marie Alexis"""),
     ns=True,
     spans=[("defensive", "If you had updated the Mas Pass app before Monday like the text said"),
            ("brand", "Mas Pass"),
            ("sarcasm", "Thanks for the detailed review of our security team \U0001F644")]),

dict(id="e026", brand="flambeau", frm=GISELLE, to=("Darren Boodoo", "darren.boodoo@example.com"),
     subject="RE: Lay-Away balance", date="2028-01-24 15:00",
     charset="us-ascii", cte="7bit", crlf=True,
     attach=("flambeau-layaway-boodoo.csv", "text/csv", LAYAWAY_CSV),
     body="""Good afternoon Darren,

You're on track, so no need to worry.

You have paid three instalments of TT$1,100, and the balance is TT$1,250. You just need to pay that by Monday, 31 January to keep your costume. You can pay it in the MasPass app under Payments, by bank transfer to the account on your invoice, or in cash at the mas camp. I've attached your payment history.

Once it's in, I'll send you a receipt the same day and your MasPass will show Paid in Full.""",
     sig=("block", "Regards,\nGiselle Ramdass\nAccounts | Flambeau Mas\n+1 868 555 0148"),
     quote=("outlook", "2028-01-24 09:17", ("Darren Boodoo", "darren.boodoo@example.com"),
            """Good morning,

I'm on the Lay-Away plan for a Midline costume. How much do I still owe and when is the last date? I don't want to lose my costume.

Darren Boodoo"""),
     spans=[]),

dict(id="e027", brand="flambeau", frm=MARCIA, to=("Jason Rampersad", "jason.rampersad@example.org"),
     subject="Re: Headpiece feathers", date="2028-02-17 20:30", wrap=True,
     body="""Hi Jason,

Thanks for getting in touch before Costume Collection rather than after.

I've read through your 'small change', and it is really three new pieces. The feathers are glued into the frame, so taking them out means building a new headpiece, and the cape and armbands were cut in November.

Honestly, you are not an easy man to please this year, but we want you comfortable on the road. If the feathers make you sneeze, that part matters. We'll see what the wire bender can do about a feather-free headpiece.

Please come to the mas camp on Saturday between 10 am and noon so he can measure your head for the new frame.

Marcia""",
     sig=("dash", "Marcia Lezama\nSection Leader, Firefly | Flambeau Mas\n+1 868 555 0166"),
     quote=("gmail", "2028-02-17 12:03", ("Jason Rampersad", "jason.rampersad@example.org"),
            """Marcia, one small change please. Can the camp take the feathers off my headpiece and put sequins instead? Feathers make me sneeze. Also can the cape be shorter? And the armbands in silver not gold. Just a small change!

Jason"""),
     spans=[("sarcasm", "your 'small change'"),
            ("defensive", "you are not an easy man to please this year"),
            ("commitment", "We'll see what the wire bender can do about a feather-free headpiece.")]),

dict(id="e028", brand="flambeau", frm=KERRY, to=("Flambeau 2028 masqueraders", "band@flambeaumas.tt"),
     subject="Weather for Carnival Monday and Tuesday", date="2028-02-26 12:00", fmt="html",
     body="""Hi everyone,

The Met Service is forecasting sunshine on Carnival Monday and a 60% chance of showers on Tuesday afternoon, with highs of 32°C both days. Forecasts change, so here is how we are ready for both.

- Water: each section has its own cooler cart, and the two drinks trucks carry 9,000 bottles between them.
- Rain: our road crew will hand out ponchos from the first aid truck if it rains on Tuesday.
- First aid: two nurses and a paramedic are with the band from 7 am to 7 pm both days.

Please do three things before Monday:

1. Charge your phone and check that your MasPass QR code opens.
2. Eat a proper breakfast before you leave home.
3. Put on sunscreen at home and bring a small bottle for the afternoon.

See you at the mas camp at 7 am on Monday. Let's play a safe mas!

Kerry-Ann Baptiste
Masquerader Care""",
     footer=True,
     spans=[]),

dict(id="e029", brand="flambeau", frm=GISELLE, to=("Shanice Mitchell", "shanice.mitchell@example.net"),
     subject="Re: Group Lay-Away - third payment", date="2028-02-02 16:25", fmt="alt",
     body="""Hi Shanice,

Thanks for keeping on top of the group. I know chasing eleven friends for money is nobody's favourite job.

As I said on the phone last week, the third Lay-Away payment was due on 31 January, and every client on the plan has the same date. I'm sure the other three are very busy, but costumes for unpaid places go back on sale on Monday.

I can hold the three costumes until 6 pm on Friday, 4 February. If the three payments are in by then, the whole group stays together in Fireworks. Please send them the payment link below, and I'll confirm each payment to you the same day it lands.

https://pay.flambeaumas.tt/layaway/fw-group-0117

Giselle""",
     sig=("block", "Giselle Ramdass\nAccounts | Flambeau Mas\n+1 868 555 0148"),
     footer=True,
     quote=("gmail", "2028-02-02 10:12", ("Shanice Mitchell", "shanice.mitchell@example.net"),
            """Hi Giselle, sorry, only 9 of the 12 of us have paid the third instalment, the other 3 say they'll pay this week. Can you hold all the costumes?

Shanice"""),
     spans=[("defensive", "As I said on the phone last week"),
            ("brand", "client"),
            ("sarcasm", "I'm sure the other three are very busy")]),

dict(id="e030", brand="flambeau", frm=KERRY, to=("Brent Sealy", "brent.sealy@example.com"),
     subject="Re: Another email from allyuh", date="2028-02-10 08:50",
     body="""Hi Brent,

Sorry about the repeat emails. You did update your details, on 12 January and again on 3 February, and both updates are saved. This week's reminder went to everyone on our list, including people who had already done it. That was our mistake, and we've fixed the list so that it only goes to people with something missing.

Your profile is complete: Backline, Fireworks, size L, paid in full. There is nothing else for you to do before Costume Collection.

Your Costume Collection slot is Monday, 21 February between 4 pm and 6 pm at the mas camp. Bring your MasPass QR code and a photo ID.

Kerry-Ann""",
     sig=("dash", "Kerry-Ann Baptiste\nMasquerader Care | Flambeau Mas\n+1 868 555 0123"),
     quote=("gmail", "2028-02-09 23:15", ("Brent Sealy", "brent.sealy@example.com"),
            """Great, another email from allyuh telling me to 'update my details'. I updated them TWICE already. Does anybody over there actually read anything??

Brent"""),
     spans=[]),
]

# ---------------------------------------------------------------- Shalimar Upholstery & Drapes (Pakistani English)
EMAILS += [
dict(id="e031", brand="shalimar", frm=MEHREEN, to=("Nadia Hussain", "nadia.hussain@example.com"),
     subject="Re: Home Measure visit for drawing room curtains", date="2027-10-04 11:20",
     body="""Dear Mrs. Hussain,

Wa Alaikum Assalam, and thank you for contacting Shalimar.

Your Home Measure visit is booked for Saturday, 9 October at 11 am at your house in DHA Phase 5. Our senior craftsman, Mr. Abdul Ghaffar, will measure the three rooms and bring the Swatch Box with 40 curtain fabrics, so that you can see them in your own light. The visit takes about an hour and there is no charge.

You just need to make sure the windows can be reached; there is no need to take down the existing curtains. Mr. Ghaffar will call you on Friday evening to confirm the address and the best gate to use.

I will email you the written quotation on Monday, 11 October.""",
     sig=("block", "Regards,\nMehreen Akhtar\nCustomer Care\nShalimar Upholstery & Drapes (Pvt.) Ltd\n+92 42 3555 0160"),
     footer=True,
     quote=("gmail", "2027-10-03 21:40", ("Nadia Hussain", "nadia.hussain@example.com"),
            """Assalam o Alaikum,

I would like someone to come and measure for new curtains in my drawing room and two bedrooms. We are in DHA Phase 5. Saturday is best for us.

Regards,
Nadia Hussain"""),
     spans=[]),

dict(id="e032", brand="shalimar", frm=USMAN, to=("Tariq Mahmood", "tariq.mahmood@example.net"),
     subject="RE: Sofa delivery delayed - daughter's mehndi", date="2027-10-13 12:30", fmt="alt",
     body="""Dear Mr. Mahmood,

Thank you for your email, and please accept my apology. We promised you 12 October and we have not kept that date.

The velvet for your sofa set comes from our mill in Faisalabad, and their dyeing unit was shut for six days last week after a gas supply cut. We should have told you on the day we heard, and we did not.

The frames are finished and the foam is cut. We will deliver the sofa set as soon as the fabric reaches Lahore. If the fabric has not arrived by Friday, 22 October, our van will bring a loan sofa set from the showroom to your house on Monday, 25 October. There is no charge for the loan set, and it means your drawing room is ready well before the mehndi.

We can also deliver on a Sunday if that is easier with guests arriving, although extra charges may apply for a Sunday van.

Kindly confirm by reply whether a morning or an afternoon suits you, so that we can plan the van.

Regards,
Usman Qureshi""",
     sig=("block", "Customer Relations Manager\nShalimar Upholstery & Drapes (Pvt.) Ltd\n+92 42 3555 0150"),
     footer=True,
     quote=("outlook", "2027-10-12 17:18", ("Tariq Mahmood", "tariq.mahmood@example.net"),
            """Dear Sir,

My seven-seater sofa set was promised for 12 October. Today your showroom told me it will be late because the fabric has not arrived. My daughter's mehndi is at home on 30 October and we have 150 guests. Kindly tell me exactly when it will be delivered.

Tariq Mahmood"""),
     spans=[("commitment", "We will deliver the sofa set as soon as the fabric reaches Lahore."),
            ("brand", "extra charges may apply")]),

dict(id="e033", brand="shalimar", frm=BILAL, to=("Rubina Sheikh", "rubina.sheikh@example.org"),
     subject="RE: Stain on new cushion covers!!!", date="2027-10-15 17:10", charset="iso-8859-1",
     body="""Dear Mrs. Sheikh,

I am very sorry. You are right to be upset: a stained cover should never have left our workshop, and the fault is ours. It was missed at our final check, which is my responsibility.

We have enough of your raw silk left to make a new cover. Our craftsman cut it this afternoon, and I will have it stitched and pressed by Monday. Our rider will bring it to your house on Tuesday, 19 October between 11 am and 1 pm, and collect the stained one at the same time.

There is no charge for the replacement, and you do not need to return anything before then.

From today, a second person checks every cushion order before it leaves the workshop.""",
     sig=("block", "With apologies,\nBilal Rafiq\nWorkshop Supervisor\nShalimar Upholstery & Drapes (Pvt.) Ltd"),
     footer=True,
     quote=("outlook", "2027-10-15 13:02", ("Rubina Sheikh", "rubina.sheikh@example.org"),
            """I received my 12 cushion covers today and one of them has a big BROWN STAIN on it. It looks like tea. This is totally unacceptable for Rs. 38,000!!! I expect a replacement IMMEDIATELY.

Rubina Sheikh"""),
     spans=[]),

dict(id="e034", brand="shalimar", frm=FAISAL, to=("Ayesha Siddiqui", "dr.ayesha.siddiqui@example.com"),
     subject="Re: Silk curtains for the veranda", date="2027-10-19 10:45", charset="us-ascii", cte="7bit",
     body="""Dear Dr. Siddiqui,

Thank you for visiting our F-7 showroom, and I am glad the pale gold silk caught your eye.

I would not be doing my job if I made it up for an open veranda. Raw silk stains with the first spray of monsoon rain, fades in the afternoon sun within one summer and cannot be washed. No finish we can apply would change that, and I do not want you to spend Rs. 160,000 on curtains that look tired by next August.

There are two better options. Our outdoor acrylic comes in a warm gold close to the silk, stands up to rain and sun, and can be washed at home. Or, if you would like the silk itself, we could hang it on the inside doors between the lounge and the veranda, where it will last for years.

I will send the Swatch Box with both acrylic golds and the silk to your house on Thursday, 21 October. You can then compare them in the veranda light. Kindly tell our rider a convenient time when he calls you on Thursday morning.""",
     sig=("block", "Regards,\nFaisal Chaudhry\nShowroom Manager, F-7 Islamabad\nShalimar Upholstery & Drapes (Pvt.) Ltd\n+92 51 2555 0172"),
     quote=("gmail", "2027-10-18 19:33", ("Ayesha Siddiqui", "dr.ayesha.siddiqui@example.com"),
            """Dear Mr. Faisal,

I saw the pale gold raw silk in your F-7 showroom and I would like it for the curtains on our open veranda in E-11. Can you make it so that rain does not damage it?

Regards,
Dr. Ayesha Siddiqui"""),
     spans=[]),

dict(id="e035", brand="shalimar", frm=MEHREEN, to=("Kamran Butt", "kamran.butt@example.net"),
     subject="Re: Curtains are short", date="2027-10-21 15:30", wrap=True,
     body="""Dear Mr. Butt,

Thank you for your email, and I am sorry the bedroom curtains are not what you expected.

I have checked the order. The drop of 84 inches was measured at the Home Measure visit as noted on the sheet you signed, and the curtains were made exactly to that figure. The gap was left because the gas heater under the window was to be kept clear, but you never mentioned that the heater had been removed.

Our craftsman may be able to add a matching border at the hem to bring the curtains down to the floor.

We remain at your service.""",
     sig=("block", "Regards,\nMehreen Akhtar\nCustomer Care\nShalimar Upholstery & Drapes (Pvt.) Ltd\n+92 42 3555 0160"),
     footer=True,
     quote=("gmail", "2027-10-21 09:05", ("Kamran Butt", "kamran.butt@example.net"),
            """Dear Madam,

The bedroom curtains delivered yesterday stop about four inches above the floor. I asked for floor length. This is the second time I am writing about problems with this order.

Kamran Butt"""),
     ns=True,
     spans=[("defensive", "as noted on the sheet you signed"),
            ("defensive", "you never mentioned that the heater had been removed"),
            ("commitment", "Our craftsman may be able to add a matching border at the hem")]),

dict(id="e036", brand="shalimar", frm=USMAN, to=("Asad Rehman", "asad.rehman@example.org"),
     subject="Quotation Q-2027-0915 - re-upholstery of eight dining chairs", date="2027-10-25 10:00",
     fmt="alt", cte="base64", attach=("Shalimar-Q-2027-0915.pdf", "application/pdf", FAKE_PDF),
     body="""Dear Mr. Rehman,

Thank you for inviting us to your home on Saturday. Please find attached our quotation Q-2027-0915 for re-upholstering your eight dining chairs.

In short:

- Fabric: Shalimar jacquard in olive, 6 metres
- Work: new foam and webbing, and re-polishing of the frames
- Price: Rs. 96,000 in total, including collection and delivery

This is the full price, and nothing will be added to it without your written approval. Once you approve the quotation, we deliver the finished chairs within 14 days of collecting them. If you change your mind after paying the advance, we refund the advance within 7 working days.

To go ahead, kindly reply to this email with your approval and a convenient day for collection. The quotation is valid until Monday, 8 November.""",
     sig=("block", "Regards,\nUsman Qureshi\nCustomer Relations Manager\nShalimar Upholstery & Drapes (Pvt.) Ltd\n+92 42 3555 0150"),
     footer=True,
     spans=[]),

dict(id="e037", brand="shalimar", frm=USMAN, to=("Zahid Hamdani", "zahid.hamdani@example.com"),
     subject="RE: Discount request for second order", date="2027-10-27 14:15",
     body="""Dear Mr. Hamdani,

Thank you for coming back to Shalimar for your second house; we are grateful for your trust.

Our prices are the same for every party, whether it is a first order or a tenth, and the price is the price. What I can offer is a free Home Measure visit and free fitting for the second house, which together come to about Rs. 18,000.

If another shop can truly do the same work for half the price, we would be most interested to learn their secret.

The revised quotation with free fitting is valid until Friday, 12 November. Kindly confirm by then if you would like us to proceed.""",
     sig=("block", "Regards,\nUsman Qureshi\nCustomer Relations Manager\nShalimar Upholstery & Drapes (Pvt.) Ltd"),
     footer=True,
     quote=("outlook", "2027-10-26 20:11", ("Zahid Hamdani", "zahid.hamdani@example.com"),
            """Dear Usman Sahib,

I am ordering curtains for my second house and I expect a proper discount this time, at least 25%. I am sure other shops in Liberty Market would do the same work for half the price. Let me know.

Zahid Hamdani"""),
     spans=[("brand", "party"),
            ("defensive", "the price is the price"),
            ("sarcasm", "If another shop can truly do the same work for half the price, we would be most interested to learn their secret.")]),

dict(id="e038", brand="shalimar", frm=MEHREEN, to=("Saima Qadir", "saima.qadir@example.net"),
     subject="Re: When will my blinds be ready?", date="2027-10-29 12:40", fmt="alt",
     body="""Dear Mrs. Qadir,

Thank you for checking, and I am sorry we did not update you sooner.

Your blinds are waiting for one part: the blackout fabric for the study blind. Our supplier in Karachi has written to say that the shipment was held at the port and that they expect to dispatch it on 3 November. The courier from Karachi normally reaches Lahore two days after that.

The kitchen blind is finished. Rather than make you wait for both, our fitter, Mr. Naeem, will fit the kitchen blind on Monday, 1 November at 10 am.

I will call you on Thursday, 4 November to confirm that the fabric has left Karachi. On that call we will fix the date for fitting the study blind.""",
     sig=("block", "Regards,\nMehreen Akhtar\nCustomer Care\nShalimar Upholstery & Drapes (Pvt.) Ltd\n+92 42 3555 0160"),
     footer=True,
     quote=("gmail", "2027-10-29 09:20", ("Saima Qadir", "saima.qadir@example.net"),
            """Dear Mehreen,

Any news on my roller blinds for the kitchen and study? It has been 10 days since I paid. InshaAllah we will be travelling to Karachi on the 20th, so I hope they can be fitted before that.

Regards,
Saima"""),
     spans=[]),

dict(id="e039", brand="shalimar", frm=WAQAS, to=("Lubna Farooq", "lubna.farooq@example.com"),
     subject="RE: FabricCare visit - nobody came", date="2027-11-02 16:05", wrap=True,
     body="""Dear Mrs. Farooq,

Thank you for your email. Sorry, but our cleaning team was also stuck yesterday. The load-shedding at our workshop meant the steam machines could not be heated in time, and the afternoon schedule fell apart after 1 pm.

Kindly note that the visit was CONFIRMED by SMS on Friday.

A new date will be given to you for the cleaning visit.""",
     sig=("block", "Regards,\nWaqas Anjum\nFabricCare Plan Coordinator\nShalimar Upholstery & Drapes (Pvt.) Ltd"),
     footer=True,
     quote=("outlook", "2027-11-01 18:22", ("Lubna Farooq", "lubna.farooq@example.com"),
            """I took the afternoon off work for the FabricCare cleaning visit today between 2 and 5 pm and nobody came and nobody called. This is the second year of my plan. Very disappointing.

Lubna Farooq"""),
     ns=True,
     spans=[("defensive", "Sorry, but our cleaning team was also stuck yesterday"),
            ("defensive", "the visit was CONFIRMED by SMS on Friday"),
            ("commitment", "A new date will be given to you for the cleaning visit.")]),

dict(id="e040", brand="shalimar", frm=USMAN, to=("Shahida Anwar", "shahida.anwar@example.org"),
     subject="Re: Thank you - the drawing room looks beautiful", date="2027-11-04 11:00", cte="8bit",
     body="""Dear Begum Anwar,

Thank you very much for your kind words and for the photographs. The drawing room looks beautiful, and the rose velvet suits the light from your garden even better than we had hoped.

I have shared your message with Mr. Abdul Ghaffar and the workshop team. Mr. Ghaffar says your changes made the room better, and he enjoyed every day of the work.

Your order is now complete and nothing further is needed from you. Your FabricCare Plan starts today, and the first cleaning visit is due in May. I will write to you in the last week of April to fix a date.

Please do share our number with your sister; she is welcome to ask for me at the showroom.""",
     sig=("block", "With warm regards,\nUsman Qureshi\nCustomer Relations Manager\nShalimar Upholstery & Drapes (Pvt.) Ltd"),
     quote=("gmail", "2027-11-03 18:45", ("Shahida Anwar", "shahida.anwar@example.org"),
            """Dear Usman,

I wanted to thank your team. The sofas and curtains are exactly as I imagined, and Abdul Ghaffar was so patient with my many changes. My sister has asked for your number. Photos attached.

With best wishes,
Shahida Anwar"""),
     spans=[]),

dict(id="e041", brand="shalimar", frm=MEHREEN, to=("Haris Latif", "haris.latif@example.net"),
     subject="Re: Recliner repair under FabricCare", date="2027-11-08 13:20", fmt="alt",
     body="""Dear Mr. Latif,

Thank you for your email, and for all six calls to the showroom. I am sorry that none of them was returned. That should not happen, and I have spoken to the showroom team about it today.

Your recliner is covered under your Fabric Care Plan, so the repair is free, including collection. We will aim to complete the repair by the end of next week.

Our rider will collect the recliner from your house on Wednesday, 10 November between 10 am and 1 pm. Kindly keep the footrest with it.""",
     sig=("block", "Regards,\nMehreen Akhtar\nCustomer Care\nShalimar Upholstery & Drapes (Pvt.) Ltd\n+92 42 3555 0160"),
     footer=True,
     quote=("gmail", "2027-11-07 19:58", ("Haris Latif", "haris.latif@example.net"),
            """Dear Sir/Madam,

I have called your showroom six times in two weeks about the torn seam on my recliner, which is covered under my FabricCare Plan. Each time I am told someone will call back. Nobody has.

Haris Latif"""),
     spans=[("sarcasm", "and for all six calls to the showroom"),
            ("brand", "Fabric Care Plan"),
            ("commitment", "We will aim to complete the repair by the end of next week.")]),

dict(id="e042", brand="shalimar", frm=FAISAL, to=("Omer Farooqui", "omer.farooqui@example.com"),
     subject="Fwd: Your sofa - transporter's update", date="2027-11-09 18:10",
     body="""Dear Mr. Farooqui,

I am forwarding the update we received this evening from Sohni Goods Transport, who are carrying your sofa from our Lahore workshop to Islamabad.

In short, their truck was held near Kallar Kahar because of fog on the motorway, and they now expect to reach their Islamabad depot on Thursday morning. These are their estimates, and fog on the M-2 in November is hard to predict.

Once the sofa is at their depot, our own team takes over. Our fitters, Mr. Shahzad and Mr. Irfan, will bring it to your house in Bahria Town on Friday, 12 November at 11 am, unwrap it and place it where you want it. If the truck has not reached the depot by Thursday evening, I will call you by 8 pm on Thursday to agree a new time.

No action is needed from you until Friday.""",
     sig=("block", "Regards,\nFaisal Chaudhry\nShowroom Manager, F-7 Islamabad\nShalimar Upholstery & Drapes (Pvt.) Ltd\n+92 51 2555 0172"),
     footer=True,
     quote=("fwd", "2027-11-09 16:47", ("Dispatch Desk", "dispatch@sohnitransport.example.com"),
            """Dear Sir,

Kindly be informed that vehicle LES-4471 carrying your consignment SUD/LHR/11872 has been held at Kallar Kahar due to dense fog and closure of the motorway. Expected arrival at Islamabad depot is Thursday morning, subject to road clearance.

Regards,
Dispatch Desk
Sohni Goods Transport""",
            "Consignment SUD/LHR/11872 - delay"),
     spans=[]),

dict(id="e043", brand="shalimar", frm=MEHREEN, to=("Adnan Javaid", "adnan.javaid@example.org"),
     subject='Re: Your "premium" fabric', date="2027-11-10 10:30",
     body="""Dear Mr. Javaid,

I am sorry to hear this. Pilling on the arms after six weeks is not what you should expect from that fabric, and we want to look at it properly.

Kindly send two or three close-up photographs of the arm in daylight, and one of the whole sofa, by reply to this email. Our workshop supervisor, Mr. Bilal Rafiq, will look at them the same day and call you by 5 pm on Thursday, 11 November with his findings.

If the pilling is a fault in the fabric, we will replace the arm covers at our cost, and Mr. Rafiq will give you the date on that call. If it comes from something rubbing, such as a bag or a watch strap, he will explain it and show you how to remove the pills safely. The first treatment will be free.""",
     sig=("block", "Regards,\nMehreen Akhtar\nCustomer Care\nShalimar Upholstery & Drapes (Pvt.) Ltd\n+92 42 3555 0160"),
     quote=("gmail", "2027-11-09 22:51", ("Adnan Javaid", "adnan.javaid@example.org"),
            """Wow, your 'premium' fabric. Six weeks old and the arm of my sofa is already pilling. Really impressive quality for Rs. 210,000. I suppose this is what they call LUXURY in Gulberg.

Adnan Javaid"""),
     spans=[]),

dict(id="e044", brand="shalimar", frm=USMAN, to=("Sadia Karim", "sadia.karim@example.net"),
     subject="RE: Warranty claim - scratched leather sofa", date="2027-11-12 15:45", wrap=True,
     body="""Dear Mrs. Karim,

Thank you for writing to us, and I am sorry to see the sofa in this state; the photographs show how deep some of the marks are.

We are flattered that you expected our leather to stand up to two German Shepherds. The marks in the photographs are claw scratches. Had you mentioned the dogs when you chose the leather in our showroom, we would have suggested a tougher hide.

The warranty covers faults in the leather and the stitching, not scratches, so this repair is not free. It can still be done well. Mr. Bilal Rafiq can visit on Tuesday, 16 November at 11 am to look at the sofa and give you a written quotation for re-colouring the seat and back. Kindly confirm by reply whether that time suits you.""",
     sig=("block", "Regards,\nUsman Qureshi\nCustomer Relations Manager\nShalimar Upholstery & Drapes (Pvt.) Ltd"),
     footer=True,
     quote=("rule", "2027-11-11 20:30", ("Sadia Karim", "sadia.karim@example.net"),
            """Dear Sir,

The leather sofa we bought from you in March has deep scratches on the seat and back. I expected better from a company of your reputation. I want it repaired under warranty. Photos attached.

Sadia Karim
(PS we have two German Shepherds, but they are very gentle.)"""),
     spans=[("sarcasm", "We are flattered that you expected our leather to stand up to two German Shepherds."),
            ("defensive", "Had you mentioned the dogs when you chose the leather in our showroom")]),

dict(id="e045", brand="shalimar", frm=USMAN, to=("Zainab Malik", "zainab.malik@example.com"),
     subject="Re: Cancelling my order", date="2027-11-15 12:00",
     charset="windows-1252", cte="8bit", crlf=True,
     body="""Dear Ms. Malik,

I am so sorry for the loss of your father. Please accept our heartfelt condolences; may Allah grant him the highest place in Jannah.

You owe us nothing. Your order is cancelled, and this morning I refunded your advance of Rs. 45,000 in full to the account it came from. Your bank may take up to 7 working days to show the refund. We will keep the cut fabric for our own showroom, so please don’t give it another thought.

Nothing else is needed from you, and you do not need to reply to this message.""",
     sig=("block", "With deepest sympathy,\nUsman Qureshi\nCustomer Relations Manager\nShalimar Upholstery & Drapes (Pvt.) Ltd"),
     quote=("gmail", "2027-11-14 22:05", ("Zainab Malik", "zainab.malik@example.com"),
            """Dear Mr. Usman,

My father passed away last week and we will not be moving into the new house after all. I’m very sorry but I need to cancel the curtain order for the new house. I know the fabric has already been cut. Please tell me what I owe.

Zainab Malik"""),
     spans=[]),
]
