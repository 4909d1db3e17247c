META
key;value
description;District PB in Warsaw, Rembertów
country;Poland
unit;Warszawa
subunit;Rembertów
instance;2023
district;Rembertów
num_projects;38
num_votes;1172
budget;1011308
vote_type;approval
rule;greedy
date_begin;15.06.2022
date_end;30.06.2022
min_length;1
max_length;15
language;polish
edition;9
comment;If a given project has multiple coordinates, then the average over these coordinates is taken.
PROJECTS
project_id;cost;category;votes;name;target;selected;latitude;longitude
208;135000;urban greenery,public space,welfare;446;Modernizacja placu zabaw w dzielnicy Rembertów;seniors,adults,youth,children;0;52.257977140448;21.159068808824
209;200000;urban greenery,public space,public transit and roads;451;Zielone przystanki autobusowe w Rembertowie;people with disabilities,seniors,adults,youth,children;1;52.2616116348845;21.1650779843335
393;200000;urban greenery,public space;391;Więcej ławek w Rembertowie;seniors,adults,youth,children;0;52.25843835302;21.161466955598
394;81000;urban greenery,public space,environmental protection;288;Antysmogowy mural w Rembertowie na SP 217;people with disabilities,seniors,adults,youth,children;0;52.263189795208;21.15673075085
395;127000;public space,culture;212;Mural na ratuszu Dzielnicy Rembertów;people with disabilities,seniors,adults,youth,children;0;52.258926314096;21.161792797632
398;202000;public space,culture,public transit and roads;215;Grudniowa iluminacja świetlna na ul. Czerwonych Beretów i ul. Frontowej;people with disabilities,seniors,adults,youth,children;0;52.261828055584;21.17826816762
470;96186;sport;352;Siłownia plenerowa przy LI Liceum Ogólnokształcącym im. Tadeusza Kościuszki w Warszawie;people with disabilities,seniors,adults,youth,children;0;52.265150892801;21.16679431712
782;49000;public space,education;158;Pomnik Józefa Piłsudskiego;people with disabilities,seniors,adults,youth,children;0;52.25274541366;21.163743359118
839;175000;urban greenery,public space,environmental protection;483;Nasadzenia krzewów w dzielnicy Rembertów;adults,children;1;52.252475608006;21.12351398468
840;145000;culture,education;455;Nowości wydawnicze i spotkania w Bibliotece;people with disabilities,seniors,adults,youth,children;1;52.258524460024;21.162918806076
849;40600;culture,education;369;Rembertowski Uniwersytet Dziecięcy w Bibliotece;children;1;52.258524460024;21.162918806076
873;55000;public space,public transit and roads;344;Likwidacja barier architektonicznych w Rembertowie;people with disabilities,seniors,adults,children;0;52.262035789145;21.177071122117
874;97500;public space,environmental protection,education;436;Miejskie kosze do segregacji odpadów;people with disabilities,seniors,adults,youth,children;0;52.262360379689504;21.168382851166502
909;62000;culture,education;122;Warsztaty kolędowania Niech brzmią głosy pod niebiosy;people with disabilities,youth,children;0;52.246931984439;21.135442256927
950;35500;culture,education;282;Warsztaty teatralne dla dzieci i młodzieży;people with disabilities,youth,children;0;52.246931984439;21.135442256927
1087;90000;public transit and roads;265;Radarowy wyświetlacz prędkości;people with disabilities,seniors,adults,youth,children;0;52.2495480176885;21.131059527397
1089;60000;public space,welfare;290;Ławki do karmienia oraz przewijania dzieci na placach zabaw Rembertowa;people with disabilities,seniors,adults,youth,children;0;52.254184579010335;21.154068192352003
1090;15215;public space,public transit and roads;459;Lustra drogowe ułatwiające wyjazd z ulic osiedlowych;people with disabilities,seniors,adults,youth,children;1;52.255021790548994;21.14302023595
1147;202000;sport,public space;470;Bouldering w Rembertowie (skała wspinaczkowa);seniors,adults,youth,children;1;52.26546485109;21.164681767324335
1180;200000;public transit and roads;183;Wykonanie miejsc parkingowych na ul. Republikańskiej;people with disabilities,seniors,adults,youth;0;52.261239993885;21.169238652093
1257;33200;public space,culture;200;Muzyczno - laserowe pokazy plenerowe;people with disabilities,seniors,adults,youth,children;0;52.248626711003;21.127460002899
1258;12500;culture,education;166;Warsztaty kuchni świata;people with disabilities,seniors,adults,youth,children;0;52.248626711003;21.127460002899
1259;125500;public space,culture,education;178;Willa Granzowa. Od-nowa;people with disabilities,seniors,adults,youth,children;0;52.248639848166;21.127438545227
1260;19200;urban greenery,public space,culture;265;Zabujaj się na Wygodzie - hamaki plenerowe;seniors,adults,youth,children;1;52.248626711003;21.127460002899
1324;44300;sport,culture,education;201;Lekcje gry w szachy na Niepołomickiej;people with disabilities,youth,children;0;52.246931984439;21.135442256927
1384;4900;culture;202;Sąsiedzkie warsztaty dla dorosłych na świeżym powietrzu - cykl spotkań twórczych hand made;seniors,adults;1;52.254226073905;21.163321137428
1564;170000;public space,culture,education;270;Upiększmy przestrzeń – zagłosuj na mural 3D na ratuszu;people with disabilities,seniors,adults,youth,children;0;52.25906887446;21.161996706193
1569;85000;public space,culture;434;Zielona przestrzeń relaksu - bezpieczny, zielony, dostępny teren na wydarzenia kulturalne dla dorosłych i dzieci;people with disabilities,seniors,adults,youth,children;0;52.254226073905;21.163321137428
1639;202100;urban greenery,sport,public space;650;Zagospodarowanie Górki przy ul. Strażackiej;people with disabilities,seniors,adults,youth,children;1;52.261600874009;21.155212264138
1692;66000;public space,culture,education;81;Sąsiedzkie kolędowanie ulicami Rembertowa;seniors,adults,youth,children;0;52.258898784092;21.161856651306
1697;176000;public space,culture,education;299;Kolorowe gry podwórkowe na chodnikach;youth,children;0;52.259238087014;21.16270164194
1703;34000;education;88;Warsztaty kulodromowe dla kreatywnych konstruktorów;youth,children;0;52.258586847588;21.162795424461
1707;60320;sport,education;92;Kurs breakdance;youth,children;0;52.254226073905;21.163321137428
1712;30000;sport,public space,education;230;Rembertowskie gry terenowe;adults,youth,children;0;52.260153236967675;21.153951680268666
1883;25000;welfare;240;Aktywizacja rembertowskich seniorów po trudnym okresie pandemii;seniors;0;52.258304461071;21.170879602432
1899;30200;culture,education;253;Potańcówki na „dechach” przy muzyce na żywo w Domu Kultury „Rembertów”;people with disabilities,seniors,adults,youth,children;0;52.254176135283;21.163281779605
1907;18700;culture,education;224;Warsztatownia, czyli cykl praktycznych warsztatów dla każdego;people with disabilities,seniors,adults,youth,children;0;52.254206083747;21.163253588736
1910;9900;public space,welfare,culture;167;Studio TV w Domu Kultury „Rembertów”;people with disabilities,seniors,adults,youth,children;0;52.254226073905;21.163321137428
VOTES
voter_id;age;sex;voting_method;vote
63;38;K;internet;209,393,470,782,839,849,874,950,1147,1257,1384,1569,1692,1899,1910
82;42;K;internet;209,782,839,873,874,1087,1090,1147,1180,1260,1569,1639,1712
85;43;K;internet;782
149;16;M;internet;208,209,394,398,470,874,1087,1089,1180,1257,1564,1569,1639,1712,1899
187;41;K;internet;839,840,909,950,1087,1089,1090,1147,1257,1258,1259,1260,1324,1697,1712
298;40;K;internet;393,873,874,1087,1090,1260,1697
411;49;K;internet;840,1087,1090,1257,1258,1259,1260,1324
629;40;K;internet;209,395,398,839,849,873,950,1090,1257,1564,1569,1639,1692,1697,1703
747;36;K;internet;208,209,398,840,849,873,950,1089,1090,1564,1569,1639,1692,1883,1899
779;59;M;internet;394,782
886;43;K;internet;209,840,849,873,874,1089,1147,1180,1257,1259,1384,1639,1907
940;14;M;internet;782,839,1090
970;15;M;internet;209,393,394,395,398,782,839,873,874,1087,1090,1180,1259,1564,1639
1010;48;K;internet;208,840,849,874,950,1258,1259,1384,1569,1639,1697,1712,1883,1899,1910
1017;35;K;internet;208,393,395,782,950,1089,1147,1257,1258,1260,1324,1569,1639,1697,1899
1023;14;K;internet;209,395,470,782,840,849,874,950,1147,1564,1712,1883,1899,1907,1910
1025;44;M;internet;470
1036;14;K;internet;208,209,393,470,782,1089,1147,1258,1260,1569,1639,1707,1712,1883,1907
1081;30;K;internet;208,398,839,849,1258,1384,1569
