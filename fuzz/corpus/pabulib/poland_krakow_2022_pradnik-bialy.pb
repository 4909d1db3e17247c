META
key;value
description;District PB in Kraków, PRĄDNIK BIAŁY
country;Poland
unit;Kraków
subunit;PRĄDNIK BIAŁY
instance;2022
district;PRĄDNIK BIAŁY
num_projects;43
num_votes;3322
budget;1967873
vote_type;ordinal
rule;greedy
date_begin;30.09.2022
date_end;14.10.2022
min_length;3
max_length;3
language;polish
edition;9
PROJECTS
project_id;cost;votes;score;name;selected
55;280000;997;2342;Chabrowy Trakt aż do Opolskiej - Park Rzeczny Tonie;1
21;335000;776;1531;ZAZIELENIAMY PRĄDNIK;1
19;400000;770;1436;Rewitalizacja Parku Wyspiańskiego - etap II;1
25;42500;488;1104;Książka formą nieograniczoną - zakup nowości wydawniczych;1
64;253000;529;960;Poidła parkowe w Parku Krowoderskim i Białoprądnickim;1
29;269338;339;910;Stworzenie zielonych klas outdoorowych w ogrodzie SP21;1
9;125000;453;852;Zielone osiedle Krowodrza Górka.;1
66;86500;437;849;Bezpieczna dzielnica - Nasza wspólna sprawa!;1
59;277000;449;806;Zabawa na Budzyniu - Park Rzeczny Tonie;0
12;90000;448;777;Zielone przystanki autobusowe na Prądniku Białym.;1
26;135000;335;776;Doposażenie ogródka jordanowskiego;0
6;350000;402;737;Ścianka wspinaczkowa w Parku Krowoderskim.;0
1;450000;275;682;Międzypokoleniowe Spotkania w Ogrodzie Sensorycznym;0
48;48000;293;615;Nowoczesny sprzęt ratowniczy w służbie społeczeństw;1
11;320000;335;600;Bezpieczne przejście do Parku Krowoderskiego;0
20;240000;221;478;Bezpieczny psi park w Parku Krowoderskim.;0
18;240000;192;368;Oświetlenie osiedla Rusznikarska/Łokietka/Wybickiego;0
49;24000;197;355;KaczkoMAT;1
42;35000;168;313;Wyjątkowy stojak na rowery w Dworku Białoprądnickim;0
28;245200;131;283;Rewitalizacja przestrzeni wokół bloku przy Prądnickiej 58;0
23;395000;152;277;Rewitalizacja placu zabaw przy ul. Pużaka;0
10;60000;153;275;Szafy Książkowe - mobilne biblioteki na Prądniku Białym.;0
38;110000;124;248;Prądnik Kreatywny;0
34;300000;94;231;Minuta dla Szkoły;0
54;72800;111;201;Sortujmy na polu!;0
24;280000;111;195;Rewitalizacja placu zabaw przy ul. Jaremy 8;0
60;26980;89;182;Zdrowe i silne ciało. Gimnastyka SŁOWIAŃSKA dla kobiet.;0
41;3300;101;176;Spacery białoprądnickie;1
45;145100;95;161;Piłkarskie marzenia na Prądniku Białym - Clepardia;0
46;30000;89;161;Ławka z przewijakiem;0
65;53440;70;154;W Polskę jedziemy! - 12 bezpłatnych wycieczek autokarowych;0
32;120000;75;143;Remont chodnika;0
35;75000;90;140;Inteligentna infrastruktura w Parku Krowoderskim;0
8;43000;73;113;Teqball w Parku Krowoderskim.;0
7;33000;64;110;Strefa bokserska w Parku Krowoderskim;0
31;50000;58;93;Youtuberzy w Bibliotece;0
58;14000;55;92;"800 darmowych biletów dla seniorów do Kina ""Paradox""";0
36;100000;36;51;EKO DZIELNICA IV;0
40;6000;27;44;Koncert sąsiedzki w ogrodzie;1
57;14500;22;41;Pokazy Filmów Ukraińskich w Kinie Paradox;0
44;6200;16;24;"Wydarzenia otwarte Festiwalu ""Wschód-Zachód""";0
62;199000;14;23;Ekologia na okrągło;0
33;25000;12;23;EKOlogiczna nauka;0
VOTES
voter_id;vote;points;voting_method
E1186410;66,9,7;3,2,1;internet
E1178935;9,28,49;3,2,1;internet
P66367;65,26,31;3,2,1;paper
P63607;42,8,19;3,2,1;paper
E1188920;45,64,28;3,2,1;internet
E1174444;35,45,18;3,2,1;internet
E1181319;55,54,12;3,2,1;internet
P63609;42,8,19;3,2,1;paper
E1180526;48,45,38;3,2,1;internet
P66312;12,21,9;3,2,1;paper
E1176243;64,66,41;3,2,1;internet
E1191189;9,29,11;3,2,1;internet
E1171019;46,58,9;3,2,1;internet
E1173170;6,7,66;3,2,1;internet
