variable "account_id" {
  description = "locals account_id (the code held a placeholder)."
  type        = string
}

variable "vpc_id" {
  description = "module.vpc vpc_id (the code held a placeholder)."
  type        = string
}

variable "vpc_name" {
  description = "module.vpc name (the code held a placeholder)."
  type        = string
}
