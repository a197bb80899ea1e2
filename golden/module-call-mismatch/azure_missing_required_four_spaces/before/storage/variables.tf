variable "resource_group_name" {
    type = string
}

variable "location" {
    type = string
}

variable "account_tier" {
    type    = string
    default = "Standard"
}

variable "replication" {
    type = string
}
