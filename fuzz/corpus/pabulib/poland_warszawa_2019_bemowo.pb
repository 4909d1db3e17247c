META
key;value
description;District PB in Warsaw, Bemowo
country;Poland
unit;Warszawa
subunit;Bemowo
instance;2019
district;Bemowo
num_projects;17
num_votes;2696
budget;588000
vote_type;approval
rule;greedy
date_begin;15.06.2018
date_end;30.06.2018
min_length;1
max_sum_cost;588000
language;polish
edition;5
PROJECTS
project_id;cost;category;votes;name;target;selected
2250;20000;public space;1589;Kino plenerowe;None;1
2346;50000;environmental protection;1506;Chronimy jerzyki i inne ptaki gniazdujące w skrzynkach lęgowych na Bemowie;None;1
1772;22350;public transit and roads,health;1434;Rodzinne rowery na Bemowie;children,adults;1
2058;50000;education,culture;1395;Świadomy Niewidomy - oznakowanie w języku Braille'a;people with disabilities;1
761;50000;education,culture;1348;Warsztaty dla dorosłych - majsterkowania, makijażu, gotowania, tańca, samoobrony, szycia, naprawy roweru;adults;1
1864;49500;education,culture;1298;Sąsiedzka przestrzeń na Bemowie - wspólnie zaprojektujemy miejsce spotkań dla Mieszkańców Bemowa;children,adults,families with children;1
2258;31500;sport,health;1247;Zajęcia sportowe dla seniorów;seniors;1
413;40548;environmental protection,public space,urban greenery;1231;Bemowski Zestaw Ekologicznego Psa;children,adults,animals;1
738;8000;culture;1149;Bemowskie Wymiany Książek;None;1
1994;18390;culture;1133;Wspólna kuchnia: międzynarodowe warsztaty kulinarne Bemowa;youth,adults,seniors;1
1745;49200;culture;1073;Bemowskie Potańcówki;children,adults;1
1444;50000;education,sport,health;1069;Trener sportowy - zajęcia sportowe na boisku piłkarskim GKS ŚWIT;adults,seniors;1
412;2400;education,health;992;Bezpieczny Maluszek - warsztaty dla rodziców;families with children;1
189;43200;education,sport,health;978;Ping-pong - czyli od Grubby do Partyki pobieramy dobre nawyki.;children,youth,people with disabilities;1
1073;43600;education,culture;914;Cykl spotkań kryminalistycznych;youth,adults,students;1
447;7120;;833;Turniej E-Sportowy;children,youth,students;1
2221;15000;education,culture;767;Klub dla miłośników grozy;youth,adults,students;1
VOTES
voter_id;age;sex;voting_method;vote;neighborhood
1;14;M;internet;413;Boernerowo,Fort Radiowo,Górce,Groty
10;41;F;internet;1073,1772,1994,2250;Chrzanów,Jelonki Południowe,Jelonki Północne
208;36;M;internet;412,413,447,1994,2058,2250,2258;Boernerowo,Fort Radiowo,Górce,Groty
342;34;F;internet;189,412,413,447,738,761,1073,1444,1745,1772,1864,1994,2058,2221,2250,2258,2346;Boernerowo,Fort Radiowo,Górce,Groty
380;44;F;internet;189,761,1745,1772,1864,1994,2250;Chrzanów,Jelonki Południowe,Jelonki Północne
427;32;M;internet;189,412,413,447,738,761,1073,1444,1745,1772,1864,1994,2058,2221,2250,2258,2346;Chrzanów,Jelonki Południowe,Jelonki Północne
483;25;M;internet;189,412,413,447,738,761,1073,1444,1745,1772,1864,1994,2058,2221,2250,2258,2346;Boernerowo,Fort Radiowo,Górce,Groty
614;32;F;internet;412,413,761,1444,1745,2058,2250,2258,2346;Boernerowo,Fort Radiowo,Górce,Groty
652;33;M;internet;2250,2258;Boernerowo,Fort Radiowo,Górce,Groty
685;30;F;internet;413,1864,2250,2258;Bemowo-Lotnisko,Fort Bema
768;43;M;internet;189,412,413,447,738,761,1073,1444,1745,1772,1864,1994,2058,2221,2250,2258,2346;Boernerowo,Fort Radiowo,Górce,Groty
770;32;F;internet;189,413,738,761,1444,1745,1864,2058,2250,2346;Boernerowo,Fort Radiowo,Górce,Groty
826;27;F;internet;189,412,413,447,738,761,1073,1444,1745,1772,1864,1994,2058,2221,2250,2258,2346;Boernerowo,Fort Radiowo,Górce,Groty
964;30;F;internet;2058,2346;Chrzanów,Jelonki Południowe,Jelonki Północne
996;36;F;internet;761,1073,2250,2346;Boernerowo,Fort Radiowo,Górce,Groty
1017;36;M;internet;189,412,413,447,738,761,1073,1444,1745,1772,1864,1994,2058,2221,2250,2258,2346;Chrzanów,Jelonki Południowe,Jelonki Północne
1064;42;F;internet;189,412,413,447,738,761,1073,1444,1745,1772,1864,1994,2058,2221,2250,2258,2346;Chrzanów,Jelonki Południowe,Jelonki Północne
1069;27;M;internet;447,1444;Chrzanów,Jelonki Południowe,Jelonki Północne
1074;31;F;internet;1444;Chrzanów,Jelonki Południowe,Jelonki Północne
