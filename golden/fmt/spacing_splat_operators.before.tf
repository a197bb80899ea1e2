output "ids" {
  value = aws_instance.web [ * ] . id
}
output "names" {
  value = var.items . * . name
}
output "first" {
  value = values(var.m) [*]
}
