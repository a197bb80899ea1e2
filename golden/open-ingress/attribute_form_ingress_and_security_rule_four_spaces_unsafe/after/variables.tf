variable "vpc_id" {
    description = "The VPC of the bastion."
    type        = string
}

variable "allowed_ssh_cidr_blocks" {
    description = "CIDR blocks allowed to reach SSH (port 22)."
    type        = list(string)
}

variable "allowed_rdp_source_address_prefix" {
    description = "The source address prefix allowed to reach RDP (port 3389)."
    type        = string
}
