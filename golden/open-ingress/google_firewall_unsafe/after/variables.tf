variable "allowed_ssh_cidr_blocks" {
  description = "CIDR blocks allowed to reach SSH (port 22)."
  type        = list(string)
}
