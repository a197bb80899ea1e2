variable "main_name" {
  description = "aws_route53_zone.main name (the code held a placeholder)."
  type        = string
}

variable "domain_name" {
  description = "aws_acm_certificate.cert domain_name (the code held a placeholder)."
  type        = string
}

variable "email" {
  description = "aws_ses_email_identity.from email (the code held a placeholder)."
  type        = string
}
