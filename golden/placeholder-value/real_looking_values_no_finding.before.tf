resource "aws_instance" "a" {
  ami                    = "ami-0c55b159cbfafe1f0"
  subnet_id              = "subnet-0a1b2c3d4e5f67890"
  vpc_security_group_ids = ["sg-0f9e8d7c6b5a43210", "sg-1a2b3c4d"]
  key_name               = "deploy-2024"
  description            = "TODO: replace with a data source <ami-id>"
}

resource "aws_s3_bucket" "a" {
  bucket = "acme-replacement-parts"
}

resource "aws_sns_topic_policy" "t" {
  arn = "arn:aws:sns:us-east-1:493827160532:alerts"
}

resource "aws_route53_record" "www" {
  name    = "www.acme.io"
  zone_id = "Z0123456789ABCDEFGHIJ"
  records = ["203.0.113.10"]
}

resource "aws_instance" "b" {
  user_data = <<-EOT
    #!/bin/bash
    echo "<html>REPLACE_ME</html>" > /var/www/index.html
  EOT
}

resource "aws_cloudwatch_log_group" "a" {
  name = "/aws/lambda/${var.name}-xxxx"
}

variable "ami" {
  default = "ami-12345678"
}

output "example" {
  value = "your-value"
}
