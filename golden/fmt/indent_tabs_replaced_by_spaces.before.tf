variable "size" {
	type = number
	validation {
		condition = var.size > 0
		error_message = "Size must be positive."
	}
}
