variable "no_description" {
  default = "value"
}

variable "empty_description" {
  default     = "value"
  description = ""
}

variable "description" {
  default     = "value"
  description = "This is what it is for."
}
