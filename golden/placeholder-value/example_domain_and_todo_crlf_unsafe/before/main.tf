resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_acm_certificate" "cert" {
  domain_name       = "app.example.com"
  validation_method = "DNS"
}

resource "aws_ses_email_identity" "from" {
  email = "TODO"
}
