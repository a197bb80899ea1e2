variable "tenant_id" {
	description = "The Entra ID tenant."
	type        = string
}

variable "environment_suffix" {
	description = "Environment name, appended to names that must be unique."
	type        = string
}
