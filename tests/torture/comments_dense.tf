a = [1 /* a */, /* b */ 2 /* c */] /* d */ # e
b = { /* x */ k = /* y */ 1 /* z */ } // w
c = f(/* no args */)
d = f(1 /* before ellipsis */ ...)
e = var.x[/* a */ *]
f = var.x./* star */*
g = {
  k = 1 /* same line block comment */ # then hash
}
/* comment */ h = 1
/* multi
   line before attr */ i = 2
j = "x" /* multi
   line trailing */
k = 3
