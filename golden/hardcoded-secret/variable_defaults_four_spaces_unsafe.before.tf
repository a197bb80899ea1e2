variable "db_password" {
    description = "Database password"
    type        = string
    default     = "s3cr3t-Default-Pw"
}

variable "api_token" {
    type      = string
    default   = "tok_live_4f9a8b7c6d5e"
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
