variable "size" {
    type = number
}

output "size" {
    value = var.size
}
