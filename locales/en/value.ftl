# How values print (src/value.rs).

value-yes = yes
value-no = no
value-missing = (missing)
