# moves
moved {
	from = aws_sns_topic.old
	to   = aws_sns_topic.alerts
}
