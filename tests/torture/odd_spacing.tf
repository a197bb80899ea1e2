a=b
c   =    d
e =f
g= h
block{
x=1
}
block2"lbl"{
y=[1,2,3]
z={a=1}
}
spaced  "a"    "b"     {
  k       =        "v"
}
call = f( 1 ,2 , 3 )
idx = a [ 0 ]
tup = [ 1 , 2 , ]
obj = { a = 1 , b = 2 , }
