META
key;value
budget;9223372036854775809
PROJECTS
project_id;cost
1;1
VOTES
voter_id;vote
