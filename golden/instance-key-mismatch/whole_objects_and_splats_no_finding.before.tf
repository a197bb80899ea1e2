resource "aws_subnet" "private" {
  count      = 2
  vpc_id     = "vpc-123"
  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)
}

resource "aws_route_table_association" "private" {
  count     = length(aws_subnet.private)
  subnet_id = aws_subnet.private[count.index].id
}

resource "aws_s3_bucket" "logs" {
  for_each   = toset(["a", "b"])
  bucket     = "logs-${each.key}"
  depends_on = [aws_subnet.private]
}

output "subnet_ids" {
  value = aws_subnet.private[*].id
}

output "legacy" {
  value = "${aws_subnet.private.*.id}"
}

output "buckets" {
  value = { for k, b in aws_s3_bucket.logs : k => b.arn }
}

output "first" {
  value = aws_s3_bucket.logs["a"].arn
}
