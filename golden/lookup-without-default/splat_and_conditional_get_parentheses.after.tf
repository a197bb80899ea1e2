output "names" {
  value = (aws_instance.web[*].tags)["Name"]
}

output "picked" {
  value = (var.use_a ? var.a : var.b)["key"]
}

output "nested" {
  value = var.m["outer"]["inner"]
}
