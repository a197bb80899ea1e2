variable "tenant_id" {
	description = "The Entra ID tenant."
	type        = string
}
