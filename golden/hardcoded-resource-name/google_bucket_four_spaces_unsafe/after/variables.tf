variable "environment_suffix" {
    description = "Environment name, appended to names that must be unique."
    type        = string
}
