META
key;value
description;Local PB in Łódź, Bałuty | Radogoszcz
country;Poland
unit;Łódź
subunit;Radogoszcz
instance;2020
district;Bałuty
num_projects;17
num_votes;3610
budget;646000
vote_type;approval
rule;greedy
date_begin;06.11.2020
date_end;30.11.2020
language;polish
edition;8
max_length;5
PROJECTS
project_id;cost;votes;name;selected
B113RA;600000;1675;PUMPTRACK RADOGOSZCZ.;1
B042RA;11620;1065;RADO-DOGS Zielony Zakątek - IV edycja.;1
B001RA;31000;919;Zielony Radogoszcz bez śmieci - pojemniki na szkło i plastik, kosze na śmieci w najbardziej zaśmieconych zielonych zakątkach.;1
B123RA;10000;837;Łódź dla ptaków - czyli działamy na rzecz ptasiej społeczności (Radogoszcz).;0
B152RA;70000;812;ANTYSMOGOWA ŁĄKA KWIETNA MIĘDZY TRAWIASTĄ A ZIOŁOWĄ, przy ul. Zgierskiej 246.;0
B003RA;10000;802;TU SIĘ CZYTA! TU SIĘ SŁUCHA! Zakup książek i audiobooków do biblioteki przy Wodnika.;0
B029RA;10000;794;„Do zaczytania jeden krok…”- zakup książek i audiobooków. Filia nr 16 Biblioteki Miejskiej w Łodzi.;0
B019RA;24000;676;Ogrody wertykalne. Wyciszenie przy Parku nad Sokołówką.;0
B035RA;200000;615;Tak zostawić 11 listopada nie wypada! Dokończenie remontu chodnika.;0
B097RA;20500;563;Przejście dla pieszych z wyspą azylu i progami spowalniającymi - Świtezianki/Urocza.;0
B028RA;10000;530;Głosujemy i czytamy - z Biblioteką z Radogoszcza kulturę wspieramy! Zakup książek i audiobooków dla Filii nr 10 Biblioteki Miejskiej w Łodzi.;0
B047RA;110000;491;Bezpieczny Park Julianowski i Park nad Sokołówką - patrole konne Straży Miejskiej.;0
B018RA;288600;476;Park nad Sokołówką - MONITORING.;0
B137RA;50000;395;REMONT CHODNIKA NA UL. SITOWIE.;0
B144RA;5000;265;Bieg z mapą po Radogoszczu.;0
B128RA;42400;136;Suchą nogą do Biedronki - chodnik zamiast błota na Dereniowej ścieżce.;0
B129RA;18800;114;Piknik Sąsiedzki „Czereśniowe Love”.;0
VOTES
voter_id;age;sex;voting_method;vote
1400796938;33;M;internet;B113RA
1400796981;28;M;internet;B001RA,B029RA,B035RA,B113RA,B144RA
1400796989;26;M;internet;B019RA,B035RA,B042RA,B113RA,B152RA
1400797013;27;K;internet;B035RA,B113RA
1400797019;44;K;internet;B019RA,B029RA,B152RA
1400797030;7;M;internet;B035RA,B113RA
1400797045;45;M;internet;B019RA,B029RA,B152RA
1400797059;43;K;internet;B001RA,B028RA,B035RA,B113RA,B123RA
1400797100;30;M;internet;B028RA,B113RA,B137RA
1400797117;36;M;internet;B001RA,B113RA,B137RA,B144RA
1400797122;38;K;internet;B035RA,B113RA,B128RA,B129RA
1400797130;30;M;internet;B113RA
1400797177;29;M;internet;B113RA
1400797207;34;K;internet;B042RA,B097RA,B113RA
1400797209;52;K;internet;B028RA,B113RA
1400797220;15;M;internet;B113RA
1400797221;10;M;internet;B001RA,B003RA,B113RA
1400797226;15;M;internet;B113RA
1400797231;41;K;internet;B003RA,B028RA,B029RA,B113RA
