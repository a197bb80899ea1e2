resource "aws_route53_zone" "main" {
  name = var.main_name
}

resource "aws_acm_certificate" "cert" {
  domain_name       = var.domain_name
  validation_method = "DNS"
}

resource "aws_ses_email_identity" "from" {
  email = var.email
}
