META
key;value
description;District PB in Katowice, Osiedle Tysiąclecia
country;Poland
unit;Katowice
subunit;Osiedle Tysiąclecia
instance;2021
district;Osiedle Tysiąclecia
num_projects;13
num_votes;2752
budget;771732
vote_type;cumulative
rule;greedy
date_begin;06.09.2021
date_end;19.09.2021
min_sum_points;1
max_sum_points;3
language;polish
edition;8
PROJECTS
project_id;cost;votes;score;name;selected;latitude;longitude
L9/01/VIII;30000;274;448;Zakup nowości wydawniczych dla Filii nr 25 MBP (książek, audiobooków, prasy), organizacja spotkań autorskich oraz doposażenie biblioteki;1;50.28007138606888;18.97012495981471
L9/02/VIII;18000;179;250;Magiczna biblioteka - zakup nowości wydawniczych (książki, audiobooki oraz gry planszowe) dla filii nr 14 MBP;1;50.27271747109316;18.9852501822125
L9/03/VIII;17000;78;101;Biblioteka miejscem niebanalnych spotkań - organizacja spotkań autorskich, zakup sprzętu do nagrywania spotkań oraz doposażenie Filii nr 14 MBP w Katowicach;1;50.27268864025728;18.984965994276706
L9/04/VIII;128128;609;1033;Kontynuacja drogi rowerowej wzdłuż ul. Mieszka I oraz ul. Tysiąclecia do al. Bolesława Krzywoustego #Bezkolaniejade;1;50.27670766160795;18.974729776382446
L9/05/VIII;260975;476;1043;"Strefa aktywności przy Szkole Podstawowej nr 66 w Katowicach ""Gra i zabawa to świetna sprawa""";1;50.274672326311325;18.981926255728578
L9/06/VIII;142560;460;869;Parking dla każdego. Budowa miejsc postojowych na osiedlu Tysiąclecia w Katowicach na odcinku od wjazdu na parking strzeżony w rejonie bloku przy ulicy Tysiąclecia 80 do ronda Frydrychowicza;0;50.28051954476545;18.9658060669899
L9/07/VIII;253000;0;0;"Wybieg dla psów ""Psi Tauzen""";0;50.27492788613271;18.97240698337555
L9/08/VIII;41000;0;0;"""Małe żagle w wielkim mieście""";0;50.27344632717256;18.97788405418396
L9/09/VIII;154000;1338;2319;Psi Tauzen - wybieg dla psów;1;50.274825033320404;18.970797657966614
L9/10/VIII;99375;1233;2184;Parking przy Tężni;1;50.27749187767804;18.97329479455948
L9/11/VIII;138000;0;0;Budowa chodnika pomiędzy ul. Piatów i ul. Chorzowską;0;50.27441384835749;18.987569510936734
L9/12/VIII;43260;0;0;Aktywnie na Maroko 3.0 - zajęcia rekracyjne kajak polo;0;50.273610896331;18.97861361503601
L9/13/VIII;38500;0;0;"Aktywnie przy Maroko. ""Street workout, strefa aktywność""";0;50.2735688400456;18.978474140167236
VOTES
voter_id;vote;points;sex;age
1400842097;L9/04/VIII;3;F;56
1400842104;L9/01/VIII,L9/02/VIII,L9/04/VIII;1,1,1;F;49
1400842113;L9/10/VIII,L9/06/VIII;2,1;M;39
1400842115;L9/02/VIII;3;F;21
1400842151;L9/01/VIII,L9/04/VIII,L9/06/VIII;1,1,1;M;25
1400842215;L9/10/VIII;3;M;36
1400842220;L9/10/VIII;3;F;32
1400842294;L9/10/VIII,L9/05/VIII;2,1;F;47
1400842328;L9/10/VIII;3;M;11
1400842351;L9/06/VIII;3;F;33
1400842403;L9/09/VIII,L9/04/VIII;2,1;M;28
1400842452;L9/04/VIII;3;M;36
1400842557;L9/09/VIII;3;F;26
1400842582;L9/04/VIII;3;M;35
1400842601;L9/09/VIII;3;F;50
1400842718;L9/10/VIII;3;F;37
1400842730;L9/04/VIII,L9/05/VIII,L9/09/VIII;1,1,1;M;30
1400842771;L9/06/VIII;3;F;30
1400842785;L9/09/VIII;3;F;30
