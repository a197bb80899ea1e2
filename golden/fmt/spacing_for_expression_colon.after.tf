locals {
  upper = [for s in var.names : upper(s)]
  long = [for s in var.names :
    lower(s)
  ]
}
