variable "vpc_id" {
    type = string
}

variable "allowed_mysql_cidr_ipv4" {
    description = "The CIDR block allowed to reach MySQL (port 3306)."
    type        = string
}

variable "allowed_ingress_cidr_ipv6" {
    description = "The CIDR block allowed in on every port and protocol."
    type        = string
}
