META
key;value
budget;100
vote_type;scoring
min_points;-3
max_points;3
min_length;1
max_length;2
PROJECTS
project_id;cost;name;selected
1;10;"a;b";1
2;20,5;"say ""hi""";0
VOTES
voter_id;vote;points;age
7;1,2;-3,3;40
7;2;+1;
