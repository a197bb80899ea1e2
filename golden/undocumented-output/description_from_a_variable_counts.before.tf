output "x" {
  description = var.doc
  value       = 1
}
