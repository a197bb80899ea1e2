resource "aws_route53_record" "www" {
  name    = "www"
  records = ["${aws_eip.lb.0.public_ip}", "ip-${aws_eip.lb.*.public_ip[1]}"]
}
