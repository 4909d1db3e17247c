META
key; value
budget; 1000.50
vote_type; cumulative
max_sum_points; 10
comment; #1: one; #2: two
num_votes; 3
PROJECTS
project_id; name; cost; category
p1; "Two
lines"; 600.25; culture, education
p2; Plain; 400; sport
VOTES
voter_id; vote; points
v1; p1, p2; 6, 4
v2; p2; 10