output "no_description" {
  value = "value"
}

output "empty_description" {
  value       = "value"
  description = ""
}

output "description" {
  value       = "value"
  description = "This is what it is."
}
