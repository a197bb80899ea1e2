variable "spaces" {
  description = "   "
}

variable "long" {
  description = <<-EOT
    Several lines
    of explanation.
  EOT
}
