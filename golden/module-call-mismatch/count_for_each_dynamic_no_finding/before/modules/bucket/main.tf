variable "name" {
  type = string
}

output "name" {
  value = var.name
}

output "ports" {
  value = ["80"]
}
