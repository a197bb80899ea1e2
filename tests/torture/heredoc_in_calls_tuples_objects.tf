locals {
  joined = join(",", [<<EOT
first
EOT
  , <<-EOT
    second
    EOT
  ])
  call = jsonencode(<<EOT
raw
EOT
  )
  two_args = format(<<EOT
%s and %s
EOT
  , "a", "b")
  tup = [
    <<EOT
in tuple
EOT
    ,
    "after",
  ]
  obj = {
    key = <<EOT
in object
EOT
    other = <<-EOT
      x
    EOT
  }
  cond = (var.x ? <<EOT
yes
EOT
  : "no")
}
