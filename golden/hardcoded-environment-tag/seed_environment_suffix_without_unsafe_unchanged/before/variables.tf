variable "aws_region" {
  description = "AWS region to deploy into."
  type        = string
  default     = "us-east-1"
}

variable "project_name" {
  description = "Project name, used in tags."
  type        = string
  default     = "trading-migration"
}

variable "migration_phase" {
  description = "Current migration phase."
  type        = string
  default     = "cutover"
}

variable "environment_suffix" {
  description = "Suffix appended to resource names for uniqueness."
  type        = string
}
