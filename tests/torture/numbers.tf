locals {
  int      = 0
  big      = 12345678901234567890
  dec      = 3.14159
  leading0 = 007
  exp1     = 1e3
  exp2     = 1.5E-2
  exp3     = 2e+10
  exp4     = 6.02E23
  neg      = -1
  negexp   = -1.5e-3
  list     = [1, 2.5, 3e2, -4, 5E0]
  arith    = 1.5*2e1-3/4%5
}
