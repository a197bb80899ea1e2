locals {
  or_and   = var.a || var.b && var.c
  eq       = var.a == var.b != var.c
  cmp      = 1 < 2 && 2 <= 3 && 4 > 3 && 4 >= 4
  add      = 1 + 2 - 3
  mul      = 4 * 5 / 6 % 7
  unary    = !var.a
  neg      = -var.b.c
  double   = !!true
  negneg   = - -1
  prec     = 1 + 2 * 3 - 4 / 2 % 3 > 0 == true || false && !true
  parens   = (1 + 2) * (3 - (4 / 5))
  tight    = 1+2*3-4/5%6
  tight2   = !var.a&&var.b||var.c==1!=false
  cmp2     = var.a>=1&&var.b<=2&&var.c<3&&var.d>4
  wide     = 1   +    2
  unary_in = [-1, !true, -(2)]
  multiline = (
    1 +
    2 *
    3
  )
  leading_op = (
    var.a
    && var.b
    || var.c
  )
}
