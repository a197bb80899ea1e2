output "names" {
  value = lookup(aws_instance.web[*].tags, "Name")
}

output "picked" {
  value = lookup(var.use_a ? var.a : var.b, "key")
}

output "nested" {
  value = lookup(lookup(var.m, "outer"), "inner")
}
