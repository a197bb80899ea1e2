variable "db_password" {
    description = "Database password"
    type        = string
    sensitive   = true
}

variable "api_token" {
    type      = string
    sensitive = true
}

variable "password_length" {
    type    = number
    default = 24
}

variable "db_secret_name" {
    type    = string
    default = "prod/db/credentials"
}

variable "admin_password" {
    type    = string
    default = ""
}
