variable "port" {
    default = 80

    validation {
        condition     = var.port > 0
        error_message = "The port must be positive."
    }
}

resource "aws_instance" "web" {
    variable = "not a declaration"
}
