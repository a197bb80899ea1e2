variable "allowed_ssh_cidr_blocks" {
  description = "CIDR blocks allowed to reach SSH (port 22)."
  type        = list(string)
}

variable "allowed_rdp_cidr_blocks" {
  description = "CIDR blocks allowed to reach RDP (port 3389)."
  type        = list(string)
}
