locals {
  arn     = provider::aws::arn_parse(var.arn)
  spaced  = provider :: aws :: arn_parse ( var.arn )
  nested  = provider::terraform::encode_tfvars({ a = provider::aws::arn_build(var.x) })
  expand  = min(var.numbers...)
  expand2 = concat([1], var.rest...)
  expand3 = max(
    1,
    var.more...
  )
  empty   = timestamp()
  trailing = merge(
    var.a,
    var.b,
  )
  dashed  = my-func(1)
}
