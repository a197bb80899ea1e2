variable "vpc_id" {
	type = string
}

variable "allowed_postgresql_cidr_blocks" {
	description = "CIDR blocks allowed to reach PostgreSQL (port 5432)."
	type        = list(string)
}
