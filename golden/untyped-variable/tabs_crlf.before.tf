variable "zone" {
	default     = "a"
	description = "Zone."
}
