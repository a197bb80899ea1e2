variable "name" {
    type = string
}

variable "allowed_ssh_cidr_blocks" {
    description = "CIDR blocks allowed to reach SSH (port 22)."
    type        = list(string)
}

variable "allowed_postgresql_cidr_blocks" {
    description = "CIDR blocks allowed to reach PostgreSQL (port 5432)."
    type        = list(string)
}
