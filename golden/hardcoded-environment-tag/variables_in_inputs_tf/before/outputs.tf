output "table_arn" {
  value = aws_dynamodb_table.orders.arn
}
